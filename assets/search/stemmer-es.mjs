// The Snowball spanish stemmer for lore's search, ported from rust-stemmers 1.2.0
// (src/snowball/algorithms/spanish.rs) by scripts/port-snowball.mjs. Do not edit by hand:
// rerun the tool. The input must be lowercase, as lore's analysis makes it.
/* eslint-disable */
import { SnowballEnv } from './snowball.mjs';


const A_0 = [
  ["", -1, 6],
  ["\u{00E1}", 0, 1],
  ["\u{00E9}", 0, 2],
  ["\u{00ED}", 0, 3],
  ["\u{00F3}", 0, 4],
  ["\u{00FA}", 0, 5],
];

const A_1 = [
  ["la", -1, -1],
  ["sela", 0, -1],
  ["le", -1, -1],
  ["me", -1, -1],
  ["se", -1, -1],
  ["lo", -1, -1],
  ["selo", 5, -1],
  ["las", -1, -1],
  ["selas", 7, -1],
  ["les", -1, -1],
  ["los", -1, -1],
  ["selos", 10, -1],
  ["nos", -1, -1],
];

const A_2 = [
  ["ando", -1, 6],
  ["iendo", -1, 6],
  ["yendo", -1, 7],
  ["\u{00E1}ndo", -1, 2],
  ["i\u{00E9}ndo", -1, 1],
  ["ar", -1, 6],
  ["er", -1, 6],
  ["ir", -1, 6],
  ["\u{00E1}r", -1, 3],
  ["\u{00E9}r", -1, 4],
  ["\u{00ED}r", -1, 5],
];

const A_3 = [
  ["ic", -1, -1],
  ["ad", -1, -1],
  ["os", -1, -1],
  ["iv", -1, 1],
];

const A_4 = [
  ["able", -1, 1],
  ["ible", -1, 1],
  ["ante", -1, 1],
];

const A_5 = [
  ["ic", -1, 1],
  ["abil", -1, 1],
  ["iv", -1, 1],
];

const A_6 = [
  ["ica", -1, 1],
  ["ancia", -1, 2],
  ["encia", -1, 5],
  ["adora", -1, 2],
  ["osa", -1, 1],
  ["ista", -1, 1],
  ["iva", -1, 9],
  ["anza", -1, 1],
  ["log\u{00ED}a", -1, 3],
  ["idad", -1, 8],
  ["able", -1, 1],
  ["ible", -1, 1],
  ["ante", -1, 2],
  ["mente", -1, 7],
  ["amente", 13, 6],
  ["aci\u{00F3}n", -1, 2],
  ["uci\u{00F3}n", -1, 4],
  ["ico", -1, 1],
  ["ismo", -1, 1],
  ["oso", -1, 1],
  ["amiento", -1, 1],
  ["imiento", -1, 1],
  ["ivo", -1, 9],
  ["ador", -1, 2],
  ["icas", -1, 1],
  ["ancias", -1, 2],
  ["encias", -1, 5],
  ["adoras", -1, 2],
  ["osas", -1, 1],
  ["istas", -1, 1],
  ["ivas", -1, 9],
  ["anzas", -1, 1],
  ["log\u{00ED}as", -1, 3],
  ["idades", -1, 8],
  ["ables", -1, 1],
  ["ibles", -1, 1],
  ["aciones", -1, 2],
  ["uciones", -1, 4],
  ["adores", -1, 2],
  ["antes", -1, 2],
  ["icos", -1, 1],
  ["ismos", -1, 1],
  ["osos", -1, 1],
  ["amientos", -1, 1],
  ["imientos", -1, 1],
  ["ivos", -1, 9],
];

const A_7 = [
  ["ya", -1, 1],
  ["ye", -1, 1],
  ["yan", -1, 1],
  ["yen", -1, 1],
  ["yeron", -1, 1],
  ["yendo", -1, 1],
  ["yo", -1, 1],
  ["yas", -1, 1],
  ["yes", -1, 1],
  ["yais", -1, 1],
  ["yamos", -1, 1],
  ["y\u{00F3}", -1, 1],
];

const A_8 = [
  ["aba", -1, 2],
  ["ada", -1, 2],
  ["ida", -1, 2],
  ["ara", -1, 2],
  ["iera", -1, 2],
  ["\u{00ED}a", -1, 2],
  ["ar\u{00ED}a", 5, 2],
  ["er\u{00ED}a", 5, 2],
  ["ir\u{00ED}a", 5, 2],
  ["ad", -1, 2],
  ["ed", -1, 2],
  ["id", -1, 2],
  ["ase", -1, 2],
  ["iese", -1, 2],
  ["aste", -1, 2],
  ["iste", -1, 2],
  ["an", -1, 2],
  ["aban", 16, 2],
  ["aran", 16, 2],
  ["ieran", 16, 2],
  ["\u{00ED}an", 16, 2],
  ["ar\u{00ED}an", 20, 2],
  ["er\u{00ED}an", 20, 2],
  ["ir\u{00ED}an", 20, 2],
  ["en", -1, 1],
  ["asen", 24, 2],
  ["iesen", 24, 2],
  ["aron", -1, 2],
  ["ieron", -1, 2],
  ["ar\u{00E1}n", -1, 2],
  ["er\u{00E1}n", -1, 2],
  ["ir\u{00E1}n", -1, 2],
  ["ado", -1, 2],
  ["ido", -1, 2],
  ["ando", -1, 2],
  ["iendo", -1, 2],
  ["ar", -1, 2],
  ["er", -1, 2],
  ["ir", -1, 2],
  ["as", -1, 2],
  ["abas", 39, 2],
  ["adas", 39, 2],
  ["idas", 39, 2],
  ["aras", 39, 2],
  ["ieras", 39, 2],
  ["\u{00ED}as", 39, 2],
  ["ar\u{00ED}as", 45, 2],
  ["er\u{00ED}as", 45, 2],
  ["ir\u{00ED}as", 45, 2],
  ["es", -1, 1],
  ["ases", 49, 2],
  ["ieses", 49, 2],
  ["abais", -1, 2],
  ["arais", -1, 2],
  ["ierais", -1, 2],
  ["\u{00ED}ais", -1, 2],
  ["ar\u{00ED}ais", 55, 2],
  ["er\u{00ED}ais", 55, 2],
  ["ir\u{00ED}ais", 55, 2],
  ["aseis", -1, 2],
  ["ieseis", -1, 2],
  ["asteis", -1, 2],
  ["isteis", -1, 2],
  ["\u{00E1}is", -1, 2],
  ["\u{00E9}is", -1, 1],
  ["ar\u{00E9}is", 64, 2],
  ["er\u{00E9}is", 64, 2],
  ["ir\u{00E9}is", 64, 2],
  ["ados", -1, 2],
  ["idos", -1, 2],
  ["amos", -1, 2],
  ["\u{00E1}bamos", 70, 2],
  ["\u{00E1}ramos", 70, 2],
  ["i\u{00E9}ramos", 70, 2],
  ["\u{00ED}amos", 70, 2],
  ["ar\u{00ED}amos", 74, 2],
  ["er\u{00ED}amos", 74, 2],
  ["ir\u{00ED}amos", 74, 2],
  ["emos", -1, 1],
  ["aremos", 78, 2],
  ["eremos", 78, 2],
  ["iremos", 78, 2],
  ["\u{00E1}semos", 78, 2],
  ["i\u{00E9}semos", 78, 2],
  ["imos", -1, 2],
  ["ar\u{00E1}s", -1, 2],
  ["er\u{00E1}s", -1, 2],
  ["ir\u{00E1}s", -1, 2],
  ["\u{00ED}s", -1, 2],
  ["ar\u{00E1}", -1, 2],
  ["er\u{00E1}", -1, 2],
  ["ir\u{00E1}", -1, 2],
  ["ar\u{00E9}", -1, 2],
  ["er\u{00E9}", -1, 2],
  ["ir\u{00E9}", -1, 2],
  ["i\u{00F3}", -1, 2],
];

const A_9 = [
  ["a", -1, 1],
  ["e", -1, 2],
  ["o", -1, 1],
  ["os", -1, 1],
  ["\u{00E1}", -1, 1],
  ["\u{00E9}", -1, 2],
  ["\u{00ED}", -1, 1],
  ["\u{00F3}", -1, 1],
];

const G_v = [17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 17, 4, 10];


function r_mark_regions(env, context) {
    // (, line 31
    context.i_pV = env.limit;
    context.i_p1 = env.limit;
    context.i_p2 = env.limit;
    // do, line 37
    var v_1 = env.cursor;
    lab0: while (true) {
        // (, line 37
        // or, line 39
        lab1: while (true) {
            var v_2 = env.cursor;
            lab2: while (true) {
                // (, line 38
                if (!env.in_grouping(G_v, 97, 252)) {
                    break lab2;
                }
                // or, line 38
                lab3: while (true) {
                    var v_3 = env.cursor;
                    lab4: while (true) {
                        // (, line 38
                        if (!env.out_grouping(G_v, 97, 252)) {
                            break lab4;
                        }
                        // gopast, line 38
                        golab5: while (true) {
                            lab6: while (true) {
                                if (!env.in_grouping(G_v, 97, 252)) {
                                    break lab6;
                                }
                                break golab5;
                            }
                            if (env.cursor >= env.limit) {
                                break lab4;
                            }
                            env.next_char();
                        }
                        break lab3;
                    }
                    env.cursor = v_3;
                    // (, line 38
                    if (!env.in_grouping(G_v, 97, 252)) {
                        break lab2;
                    }
                    // gopast, line 38
                    golab7: while (true) {
                        lab8: while (true) {
                            if (!env.out_grouping(G_v, 97, 252)) {
                                break lab8;
                            }
                            break golab7;
                        }
                        if (env.cursor >= env.limit) {
                            break lab2;
                        }
                        env.next_char();
                    }
                    break lab3;
                }
                break lab1;
            }
            env.cursor = v_2;
            // (, line 40
            if (!env.out_grouping(G_v, 97, 252)) {
                break lab0;
            }
            // or, line 40
            lab9: while (true) {
                var v_6 = env.cursor;
                lab10: while (true) {
                    // (, line 40
                    if (!env.out_grouping(G_v, 97, 252)) {
                        break lab10;
                    }
                    // gopast, line 40
                    golab11: while (true) {
                        lab12: while (true) {
                            if (!env.in_grouping(G_v, 97, 252)) {
                                break lab12;
                            }
                            break golab11;
                        }
                        if (env.cursor >= env.limit) {
                            break lab10;
                        }
                        env.next_char();
                    }
                    break lab9;
                }
                env.cursor = v_6;
                // (, line 40
                if (!env.in_grouping(G_v, 97, 252)) {
                    break lab0;
                }
                // next, line 40
                if (env.cursor >= env.limit) {
                    break lab0;
                }
                env.next_char();
                break lab9;
            }
            break lab1;
        }
        // setmark pV, line 41
        context.i_pV = env.cursor;
        break lab0;
    }
    env.cursor = v_1;
    // do, line 43
    var v_8 = env.cursor;
    lab13: while (true) {
        // (, line 43
        // gopast, line 44
        golab14: while (true) {
            lab15: while (true) {
                if (!env.in_grouping(G_v, 97, 252)) {
                    break lab15;
                }
                break golab14;
            }
            if (env.cursor >= env.limit) {
                break lab13;
            }
            env.next_char();
        }
        // gopast, line 44
        golab16: while (true) {
            lab17: while (true) {
                if (!env.out_grouping(G_v, 97, 252)) {
                    break lab17;
                }
                break golab16;
            }
            if (env.cursor >= env.limit) {
                break lab13;
            }
            env.next_char();
        }
        // setmark p1, line 44
        context.i_p1 = env.cursor;
        // gopast, line 45
        golab18: while (true) {
            lab19: while (true) {
                if (!env.in_grouping(G_v, 97, 252)) {
                    break lab19;
                }
                break golab18;
            }
            if (env.cursor >= env.limit) {
                break lab13;
            }
            env.next_char();
        }
        // gopast, line 45
        golab20: while (true) {
            lab21: while (true) {
                if (!env.out_grouping(G_v, 97, 252)) {
                    break lab21;
                }
                break golab20;
            }
            if (env.cursor >= env.limit) {
                break lab13;
            }
            env.next_char();
        }
        // setmark p2, line 45
        context.i_p2 = env.cursor;
        break lab13;
    }
    env.cursor = v_8;
    return true;
}

function r_postlude(env, context) {
    var among_var;
    // repeat, line 49
    replab0: while (true) {
        var v_1 = env.cursor;
        lab1: for (var _once = 0; _once < 1; _once++) {
            // (, line 49
            // [, line 50
            env.bra = env.cursor;
            // substring, line 50
            among_var = env.find_among(A_0);
            if (among_var == 0) {
                break lab1;
            }
            // ], line 50
            env.ket = env.cursor;
            if (among_var == 0) {
                break lab1;
            } else if (among_var == 1) {
                // (, line 51
                // <-, line 51
                if (!env.slice_from("a")) {
                    return false;
                }
            } else if (among_var == 2) {
                // (, line 52
                // <-, line 52
                if (!env.slice_from("e")) {
                    return false;
                }
            } else if (among_var == 3) {
                // (, line 53
                // <-, line 53
                if (!env.slice_from("i")) {
                    return false;
                }
            } else if (among_var == 4) {
                // (, line 54
                // <-, line 54
                if (!env.slice_from("o")) {
                    return false;
                }
            } else if (among_var == 5) {
                // (, line 55
                // <-, line 55
                if (!env.slice_from("u")) {
                    return false;
                }
            } else if (among_var == 6) {
                // (, line 57
                // next, line 57
                if (env.cursor >= env.limit) {
                    break lab1;
                }
                env.next_char();
            }
            continue replab0;
        }
        env.cursor = v_1;
        break replab0;
    }
    return true;
}

function r_RV(env, context) {
    if (!(context.i_pV <= env.cursor)) {
        return false;
    }
    return true;
}

function r_R1(env, context) {
    if (!(context.i_p1 <= env.cursor)) {
        return false;
    }
    return true;
}

function r_R2(env, context) {
    if (!(context.i_p2 <= env.cursor)) {
        return false;
    }
    return true;
}

function r_attached_pronoun(env, context) {
    var among_var;
    // (, line 67
    // [, line 68
    env.ket = env.cursor;
    // substring, line 68
    if (env.find_among_b(A_1) == 0) {
        return false;
    }
    // ], line 68
    env.bra = env.cursor;
    // substring, line 72
    among_var = env.find_among_b(A_2);
    if (among_var == 0) {
        return false;
    }
    // call RV, line 72
    if (!r_RV(env, context)) {
        return false;
    }
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 73
        // ], line 73
        env.bra = env.cursor;
        // <-, line 73
        if (!env.slice_from("iendo")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 74
        // ], line 74
        env.bra = env.cursor;
        // <-, line 74
        if (!env.slice_from("ando")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 75
        // ], line 75
        env.bra = env.cursor;
        // <-, line 75
        if (!env.slice_from("ar")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 76
        // ], line 76
        env.bra = env.cursor;
        // <-, line 76
        if (!env.slice_from("er")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 77
        // ], line 77
        env.bra = env.cursor;
        // <-, line 77
        if (!env.slice_from("ir")) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 81
        // delete, line 81
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 7) {
        // (, line 82
        // literal, line 82
        if (!env.eq_s_b("u")) {
            return false;
        }
        // delete, line 82
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_standard_suffix(env, context) {
    var among_var;
    // (, line 86
    // [, line 87
    env.ket = env.cursor;
    // substring, line 87
    among_var = env.find_among_b(A_6);
    if (among_var == 0) {
        return false;
    }
    // ], line 87
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 98
        // call R2, line 99
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 99
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 104
        // call R2, line 105
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 105
        if (!env.slice_del()) {
            return false;
        }
        // try, line 106
        var v_1 = env.limit - env.cursor;
        lab0: while (true) {
            // (, line 106
            // [, line 106
            env.ket = env.cursor;
            // literal, line 106
            if (!env.eq_s_b("ic")) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            // ], line 106
            env.bra = env.cursor;
            // call R2, line 106
            if (!r_R2(env, context)) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            // delete, line 106
            if (!env.slice_del()) {
                return false;
            }
            break lab0;
        }
    } else if (among_var == 3) {
        // (, line 110
        // call R2, line 111
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 111
        if (!env.slice_from("log")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 114
        // call R2, line 115
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 115
        if (!env.slice_from("u")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 118
        // call R2, line 119
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 119
        if (!env.slice_from("ente")) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 122
        // call R1, line 123
        if (!r_R1(env, context)) {
            return false;
        }
        // delete, line 123
        if (!env.slice_del()) {
            return false;
        }
        // try, line 124
        var v_2 = env.limit - env.cursor;
        lab1: while (true) {
            // (, line 124
            // [, line 125
            env.ket = env.cursor;
            // substring, line 125
            among_var = env.find_among_b(A_3);
            if (among_var == 0) {
                env.cursor = env.limit - v_2;
                break lab1;
            }
            // ], line 125
            env.bra = env.cursor;
            // call R2, line 125
            if (!r_R2(env, context)) {
                env.cursor = env.limit - v_2;
                break lab1;
            }
            // delete, line 125
            if (!env.slice_del()) {
                return false;
            }
            if (among_var == 0) {
                env.cursor = env.limit - v_2;
                break lab1;
            } else if (among_var == 1) {
                // (, line 126
                // [, line 126
                env.ket = env.cursor;
                // literal, line 126
                if (!env.eq_s_b("at")) {
                    env.cursor = env.limit - v_2;
                    break lab1;
                }
                // ], line 126
                env.bra = env.cursor;
                // call R2, line 126
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_2;
                    break lab1;
                }
                // delete, line 126
                if (!env.slice_del()) {
                    return false;
                }
            }
            break lab1;
        }
    } else if (among_var == 7) {
        // (, line 134
        // call R2, line 135
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 135
        if (!env.slice_del()) {
            return false;
        }
        // try, line 136
        var v_3 = env.limit - env.cursor;
        lab2: while (true) {
            // (, line 136
            // [, line 137
            env.ket = env.cursor;
            // substring, line 137
            among_var = env.find_among_b(A_4);
            if (among_var == 0) {
                env.cursor = env.limit - v_3;
                break lab2;
            }
            // ], line 137
            env.bra = env.cursor;
            if (among_var == 0) {
                env.cursor = env.limit - v_3;
                break lab2;
            } else if (among_var == 1) {
                // (, line 140
                // call R2, line 140
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_3;
                    break lab2;
                }
                // delete, line 140
                if (!env.slice_del()) {
                    return false;
                }
            }
            break lab2;
        }
    } else if (among_var == 8) {
        // (, line 146
        // call R2, line 147
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 147
        if (!env.slice_del()) {
            return false;
        }
        // try, line 148
        var v_4 = env.limit - env.cursor;
        lab3: while (true) {
            // (, line 148
            // [, line 149
            env.ket = env.cursor;
            // substring, line 149
            among_var = env.find_among_b(A_5);
            if (among_var == 0) {
                env.cursor = env.limit - v_4;
                break lab3;
            }
            // ], line 149
            env.bra = env.cursor;
            if (among_var == 0) {
                env.cursor = env.limit - v_4;
                break lab3;
            } else if (among_var == 1) {
                // (, line 152
                // call R2, line 152
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_4;
                    break lab3;
                }
                // delete, line 152
                if (!env.slice_del()) {
                    return false;
                }
            }
            break lab3;
        }
    } else if (among_var == 9) {
        // (, line 158
        // call R2, line 159
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 159
        if (!env.slice_del()) {
            return false;
        }
        // try, line 160
        var v_5 = env.limit - env.cursor;
        lab4: while (true) {
            // (, line 160
            // [, line 161
            env.ket = env.cursor;
            // literal, line 161
            if (!env.eq_s_b("at")) {
                env.cursor = env.limit - v_5;
                break lab4;
            }
            // ], line 161
            env.bra = env.cursor;
            // call R2, line 161
            if (!r_R2(env, context)) {
                env.cursor = env.limit - v_5;
                break lab4;
            }
            // delete, line 161
            if (!env.slice_del()) {
                return false;
            }
            break lab4;
        }
    }
    return true;
}

function r_y_verb_suffix(env, context) {
    var among_var;
    // (, line 167
    // setlimit, line 168
    var v_1 = env.limit - env.cursor;
    // tomark, line 168
    if (env.cursor < context.i_pV) {
        return false;
    }
    env.cursor = context.i_pV;
    var v_2 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v_1;
    // (, line 168
    // [, line 168
    env.ket = env.cursor;
    // substring, line 168
    among_var = env.find_among_b(A_7);
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    }
    // ], line 168
    env.bra = env.cursor;
    env.limit_backward = v_2;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 171
        // literal, line 171
        if (!env.eq_s_b("u")) {
            return false;
        }
        // delete, line 171
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_verb_suffix(env, context) {
    var among_var;
    // (, line 175
    // setlimit, line 176
    var v_1 = env.limit - env.cursor;
    // tomark, line 176
    if (env.cursor < context.i_pV) {
        return false;
    }
    env.cursor = context.i_pV;
    var v_2 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v_1;
    // (, line 176
    // [, line 176
    env.ket = env.cursor;
    // substring, line 176
    among_var = env.find_among_b(A_8);
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    }
    // ], line 176
    env.bra = env.cursor;
    env.limit_backward = v_2;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 179
        // try, line 179
        var v_3 = env.limit - env.cursor;
        lab0: while (true) {
            // (, line 179
            // literal, line 179
            if (!env.eq_s_b("u")) {
                env.cursor = env.limit - v_3;
                break lab0;
            }
            // test, line 179
            var v_4 = env.limit - env.cursor;
            // literal, line 179
            if (!env.eq_s_b("g")) {
                env.cursor = env.limit - v_3;
                break lab0;
            }
            env.cursor = env.limit - v_4;
            break lab0;
        }
        // ], line 179
        env.bra = env.cursor;
        // delete, line 179
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 200
        // delete, line 200
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_residual_suffix(env, context) {
    var among_var;
    // (, line 204
    // [, line 205
    env.ket = env.cursor;
    // substring, line 205
    among_var = env.find_among_b(A_9);
    if (among_var == 0) {
        return false;
    }
    // ], line 205
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 208
        // call RV, line 208
        if (!r_RV(env, context)) {
            return false;
        }
        // delete, line 208
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 210
        // call RV, line 210
        if (!r_RV(env, context)) {
            return false;
        }
        // delete, line 210
        if (!env.slice_del()) {
            return false;
        }
        // try, line 210
        var v_1 = env.limit - env.cursor;
        lab0: while (true) {
            // (, line 210
            // [, line 210
            env.ket = env.cursor;
            // literal, line 210
            if (!env.eq_s_b("u")) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            // ], line 210
            env.bra = env.cursor;
            // test, line 210
            var v_2 = env.limit - env.cursor;
            // literal, line 210
            if (!env.eq_s_b("g")) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            env.cursor = env.limit - v_2;
            // call RV, line 210
            if (!r_RV(env, context)) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            // delete, line 210
            if (!env.slice_del()) {
                return false;
            }
            break lab0;
        }
    }
    return true;
}

function stemEnv(env) {
    const context = {
        i_p2: 0,
        i_p1: 0,
        i_pV: 0,
    };
    // (, line 215
    // do, line 216
    var v_1 = env.cursor;
    lab0: while (true) {
        // call mark_regions, line 216
        if (!r_mark_regions(env, context)) {
            break lab0;
        }
        break lab0;
    }
    env.cursor = v_1;
    // backwards, line 217
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    // (, line 217
    // do, line 218
    var v_2 = env.limit - env.cursor;
    lab1: while (true) {
        // call attached_pronoun, line 218
        if (!r_attached_pronoun(env, context)) {
            break lab1;
        }
        break lab1;
    }
    env.cursor = env.limit - v_2;
    // do, line 219
    var v_3 = env.limit - env.cursor;
    lab2: while (true) {
        // (, line 219
        // or, line 219
        lab3: while (true) {
            var v_4 = env.limit - env.cursor;
            lab4: while (true) {
                // call standard_suffix, line 219
                if (!r_standard_suffix(env, context)) {
                    break lab4;
                }
                break lab3;
            }
            env.cursor = env.limit - v_4;
            lab5: while (true) {
                // call y_verb_suffix, line 220
                if (!r_y_verb_suffix(env, context)) {
                    break lab5;
                }
                break lab3;
            }
            env.cursor = env.limit - v_4;
            // call verb_suffix, line 221
            if (!r_verb_suffix(env, context)) {
                break lab2;
            }
            break lab3;
        }
        break lab2;
    }
    env.cursor = env.limit - v_3;
    // do, line 223
    var v_5 = env.limit - env.cursor;
    lab6: while (true) {
        // call residual_suffix, line 223
        if (!r_residual_suffix(env, context)) {
            break lab6;
        }
        break lab6;
    }
    env.cursor = env.limit - v_5;
    env.cursor = env.limit_backward;
    // do, line 225
    var v_6 = env.cursor;
    lab7: while (true) {
        // call postlude, line 225
        if (!r_postlude(env, context)) {
            break lab7;
        }
        break lab7;
    }
    env.cursor = v_6;
    return true;
}


/**
 * Stems one lowercase word.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  const env = new SnowballEnv(word);
  stemEnv(env);
  return env.current;
}
