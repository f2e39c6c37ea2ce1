// The Snowball french stemmer for lore's search, ported from rust-stemmers 1.2.0
// (src/snowball/algorithms/french.rs) by scripts/port-snowball.mjs. Do not edit by hand:
// rerun the tool. The input must be lowercase, as lore's analysis makes it.
/* eslint-disable */
import { SnowballEnv } from './snowball.mjs';


const A_0 = [
  ["col", -1, -1],
  ["par", -1, -1],
  ["tap", -1, -1],
];

const A_1 = [
  ["", -1, 4],
  ["I", 0, 1],
  ["U", 0, 2],
  ["Y", 0, 3],
];

const A_2 = [
  ["iqU", -1, 3],
  ["abl", -1, 3],
  ["I\u{00E8}r", -1, 4],
  ["i\u{00E8}r", -1, 4],
  ["eus", -1, 2],
  ["iv", -1, 1],
];

const A_3 = [
  ["ic", -1, 2],
  ["abil", -1, 1],
  ["iv", -1, 3],
];

const A_4 = [
  ["iqUe", -1, 1],
  ["atrice", -1, 2],
  ["ance", -1, 1],
  ["ence", -1, 5],
  ["logie", -1, 3],
  ["able", -1, 1],
  ["isme", -1, 1],
  ["euse", -1, 11],
  ["iste", -1, 1],
  ["ive", -1, 8],
  ["if", -1, 8],
  ["usion", -1, 4],
  ["ation", -1, 2],
  ["ution", -1, 4],
  ["ateur", -1, 2],
  ["iqUes", -1, 1],
  ["atrices", -1, 2],
  ["ances", -1, 1],
  ["ences", -1, 5],
  ["logies", -1, 3],
  ["ables", -1, 1],
  ["ismes", -1, 1],
  ["euses", -1, 11],
  ["istes", -1, 1],
  ["ives", -1, 8],
  ["ifs", -1, 8],
  ["usions", -1, 4],
  ["ations", -1, 2],
  ["utions", -1, 4],
  ["ateurs", -1, 2],
  ["ments", -1, 15],
  ["ements", 30, 6],
  ["issements", 31, 12],
  ["it\u{00E9}s", -1, 7],
  ["ment", -1, 15],
  ["ement", 34, 6],
  ["issement", 35, 12],
  ["amment", 34, 13],
  ["emment", 34, 14],
  ["aux", -1, 10],
  ["eaux", 39, 9],
  ["eux", -1, 1],
  ["it\u{00E9}", -1, 7],
];

const A_5 = [
  ["ira", -1, 1],
  ["ie", -1, 1],
  ["isse", -1, 1],
  ["issante", -1, 1],
  ["i", -1, 1],
  ["irai", 4, 1],
  ["ir", -1, 1],
  ["iras", -1, 1],
  ["ies", -1, 1],
  ["\u{00EE}mes", -1, 1],
  ["isses", -1, 1],
  ["issantes", -1, 1],
  ["\u{00EE}tes", -1, 1],
  ["is", -1, 1],
  ["irais", 13, 1],
  ["issais", 13, 1],
  ["irions", -1, 1],
  ["issions", -1, 1],
  ["irons", -1, 1],
  ["issons", -1, 1],
  ["issants", -1, 1],
  ["it", -1, 1],
  ["irait", 21, 1],
  ["issait", 21, 1],
  ["issant", -1, 1],
  ["iraIent", -1, 1],
  ["issaIent", -1, 1],
  ["irent", -1, 1],
  ["issent", -1, 1],
  ["iront", -1, 1],
  ["\u{00EE}t", -1, 1],
  ["iriez", -1, 1],
  ["issiez", -1, 1],
  ["irez", -1, 1],
  ["issez", -1, 1],
];

const A_6 = [
  ["a", -1, 3],
  ["era", 0, 2],
  ["asse", -1, 3],
  ["ante", -1, 3],
  ["\u{00E9}e", -1, 2],
  ["ai", -1, 3],
  ["erai", 5, 2],
  ["er", -1, 2],
  ["as", -1, 3],
  ["eras", 8, 2],
  ["\u{00E2}mes", -1, 3],
  ["asses", -1, 3],
  ["antes", -1, 3],
  ["\u{00E2}tes", -1, 3],
  ["\u{00E9}es", -1, 2],
  ["ais", -1, 3],
  ["erais", 15, 2],
  ["ions", -1, 1],
  ["erions", 17, 2],
  ["assions", 17, 3],
  ["erons", -1, 2],
  ["ants", -1, 3],
  ["\u{00E9}s", -1, 2],
  ["ait", -1, 3],
  ["erait", 23, 2],
  ["ant", -1, 3],
  ["aIent", -1, 3],
  ["eraIent", 26, 2],
  ["\u{00E8}rent", -1, 2],
  ["assent", -1, 3],
  ["eront", -1, 2],
  ["\u{00E2}t", -1, 3],
  ["ez", -1, 2],
  ["iez", 32, 2],
  ["eriez", 33, 2],
  ["assiez", 33, 3],
  ["erez", 32, 2],
  ["\u{00E9}", -1, 2],
];

const A_7 = [
  ["e", -1, 3],
  ["I\u{00E8}re", 0, 2],
  ["i\u{00E8}re", 0, 2],
  ["ion", -1, 1],
  ["Ier", -1, 2],
  ["ier", -1, 2],
  ["\u{00EB}", -1, 4],
];

const A_8 = [
  ["ell", -1, -1],
  ["eill", -1, -1],
  ["enn", -1, -1],
  ["onn", -1, -1],
  ["ett", -1, -1],
];

const G_v = [17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 130, 103, 8, 5];

const G_keep_with_s = [1, 65, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128];


function r_prelude(env, context) {
    // repeat, line 38
    replab0: while (true) {
        var v_1 = env.cursor;
        lab1: for (var _once = 0; _once < 1; _once++) {
            // goto, line 38
            golab2: while (true) {
                var v_2 = env.cursor;
                lab3: while (true) {
                    // (, line 38
                    // or, line 44
                    lab4: while (true) {
                        var v_3 = env.cursor;
                        lab5: while (true) {
                            // (, line 40
                            if (!env.in_grouping(G_v, 97, 251)) {
                                break lab5;
                            }
                            // [, line 40
                            env.bra = env.cursor;
                            // or, line 40
                            lab6: while (true) {
                                var v_4 = env.cursor;
                                lab7: while (true) {
                                    // (, line 40
                                    // literal, line 40
                                    if (!env.eq_s("u")) {
                                        break lab7;
                                    }
                                    // ], line 40
                                    env.ket = env.cursor;
                                    if (!env.in_grouping(G_v, 97, 251)) {
                                        break lab7;
                                    }
                                    // <-, line 40
                                    if (!env.slice_from("U")) {
                                        return false;
                                    }
                                    break lab6;
                                }
                                env.cursor = v_4;
                                lab8: while (true) {
                                    // (, line 41
                                    // literal, line 41
                                    if (!env.eq_s("i")) {
                                        break lab8;
                                    }
                                    // ], line 41
                                    env.ket = env.cursor;
                                    if (!env.in_grouping(G_v, 97, 251)) {
                                        break lab8;
                                    }
                                    // <-, line 41
                                    if (!env.slice_from("I")) {
                                        return false;
                                    }
                                    break lab6;
                                }
                                env.cursor = v_4;
                                // (, line 42
                                // literal, line 42
                                if (!env.eq_s("y")) {
                                    break lab5;
                                }
                                // ], line 42
                                env.ket = env.cursor;
                                // <-, line 42
                                if (!env.slice_from("Y")) {
                                    return false;
                                }
                                break lab6;
                            }
                            break lab4;
                        }
                        env.cursor = v_3;
                        lab9: while (true) {
                            // (, line 45
                            // [, line 45
                            env.bra = env.cursor;
                            // literal, line 45
                            if (!env.eq_s("y")) {
                                break lab9;
                            }
                            // ], line 45
                            env.ket = env.cursor;
                            if (!env.in_grouping(G_v, 97, 251)) {
                                break lab9;
                            }
                            // <-, line 45
                            if (!env.slice_from("Y")) {
                                return false;
                            }
                            break lab4;
                        }
                        env.cursor = v_3;
                        // (, line 47
                        // literal, line 47
                        if (!env.eq_s("q")) {
                            break lab3;
                        }
                        // [, line 47
                        env.bra = env.cursor;
                        // literal, line 47
                        if (!env.eq_s("u")) {
                            break lab3;
                        }
                        // ], line 47
                        env.ket = env.cursor;
                        // <-, line 47
                        if (!env.slice_from("U")) {
                            return false;
                        }
                        break lab4;
                    }
                    env.cursor = v_2;
                    break golab2;
                }
                env.cursor = v_2;
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

function r_mark_regions(env, context) {
    // (, line 50
    context.i_pV = env.limit;
    context.i_p1 = env.limit;
    context.i_p2 = env.limit;
    // do, line 56
    var v_1 = env.cursor;
    lab0: while (true) {
        // (, line 56
        // or, line 58
        lab1: while (true) {
            var v_2 = env.cursor;
            lab2: while (true) {
                // (, line 57
                if (!env.in_grouping(G_v, 97, 251)) {
                    break lab2;
                }
                if (!env.in_grouping(G_v, 97, 251)) {
                    break lab2;
                }
                // next, line 57
                if (env.cursor >= env.limit) {
                    break lab2;
                }
                env.next_char();
                break lab1;
            }
            env.cursor = v_2;
            lab3: while (true) {
                // among, line 59
                if (env.find_among(A_0) == 0) {
                    break lab3;
                }
                break lab1;
            }
            env.cursor = v_2;
            // (, line 66
            // next, line 66
            if (env.cursor >= env.limit) {
                break lab0;
            }
            env.next_char();
            // gopast, line 66
            golab4: while (true) {
                lab5: while (true) {
                    if (!env.in_grouping(G_v, 97, 251)) {
                        break lab5;
                    }
                    break golab4;
                }
                if (env.cursor >= env.limit) {
                    break lab0;
                }
                env.next_char();
            }
            break lab1;
        }
        // setmark pV, line 67
        context.i_pV = env.cursor;
        break lab0;
    }
    env.cursor = v_1;
    // do, line 69
    var v_4 = env.cursor;
    lab6: while (true) {
        // (, line 69
        // gopast, line 70
        golab7: while (true) {
            lab8: while (true) {
                if (!env.in_grouping(G_v, 97, 251)) {
                    break lab8;
                }
                break golab7;
            }
            if (env.cursor >= env.limit) {
                break lab6;
            }
            env.next_char();
        }
        // gopast, line 70
        golab9: while (true) {
            lab10: while (true) {
                if (!env.out_grouping(G_v, 97, 251)) {
                    break lab10;
                }
                break golab9;
            }
            if (env.cursor >= env.limit) {
                break lab6;
            }
            env.next_char();
        }
        // setmark p1, line 70
        context.i_p1 = env.cursor;
        // gopast, line 71
        golab11: while (true) {
            lab12: while (true) {
                if (!env.in_grouping(G_v, 97, 251)) {
                    break lab12;
                }
                break golab11;
            }
            if (env.cursor >= env.limit) {
                break lab6;
            }
            env.next_char();
        }
        // gopast, line 71
        golab13: while (true) {
            lab14: while (true) {
                if (!env.out_grouping(G_v, 97, 251)) {
                    break lab14;
                }
                break golab13;
            }
            if (env.cursor >= env.limit) {
                break lab6;
            }
            env.next_char();
        }
        // setmark p2, line 71
        context.i_p2 = env.cursor;
        break lab6;
    }
    env.cursor = v_4;
    return true;
}

function r_postlude(env, context) {
    var among_var;
    // repeat, line 75
    replab0: while (true) {
        var v_1 = env.cursor;
        lab1: for (var _once = 0; _once < 1; _once++) {
            // (, line 75
            // [, line 77
            env.bra = env.cursor;
            // substring, line 77
            among_var = env.find_among(A_1);
            if (among_var == 0) {
                break lab1;
            }
            // ], line 77
            env.ket = env.cursor;
            if (among_var == 0) {
                break lab1;
            } else if (among_var == 1) {
                // (, line 78
                // <-, line 78
                if (!env.slice_from("i")) {
                    return false;
                }
            } else if (among_var == 2) {
                // (, line 79
                // <-, line 79
                if (!env.slice_from("u")) {
                    return false;
                }
            } else if (among_var == 3) {
                // (, line 80
                // <-, line 80
                if (!env.slice_from("y")) {
                    return false;
                }
            } else if (among_var == 4) {
                // (, line 81
                // next, line 81
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

function r_standard_suffix(env, context) {
    var among_var;
    // (, line 91
    // [, line 92
    env.ket = env.cursor;
    // substring, line 92
    among_var = env.find_among_b(A_4);
    if (among_var == 0) {
        return false;
    }
    // ], line 92
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 96
        // call R2, line 96
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 96
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 99
        // call R2, line 99
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 99
        if (!env.slice_del()) {
            return false;
        }
        // try, line 100
        var v_1 = env.limit - env.cursor;
        lab0: while (true) {
            // (, line 100
            // [, line 100
            env.ket = env.cursor;
            // literal, line 100
            if (!env.eq_s_b("ic")) {
                env.cursor = env.limit - v_1;
                break lab0;
            }
            // ], line 100
            env.bra = env.cursor;
            // or, line 100
            lab1: while (true) {
                var v_2 = env.limit - env.cursor;
                lab2: while (true) {
                    // (, line 100
                    // call R2, line 100
                    if (!r_R2(env, context)) {
                        break lab2;
                    }
                    // delete, line 100
                    if (!env.slice_del()) {
                        return false;
                    }
                    break lab1;
                }
                env.cursor = env.limit - v_2;
                // <-, line 100
                if (!env.slice_from("iqU")) {
                    return false;
                }
                break lab1;
            }
            break lab0;
        }
    } else if (among_var == 3) {
        // (, line 104
        // call R2, line 104
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 104
        if (!env.slice_from("log")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 107
        // call R2, line 107
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 107
        if (!env.slice_from("u")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 110
        // call R2, line 110
        if (!r_R2(env, context)) {
            return false;
        }
        // <-, line 110
        if (!env.slice_from("ent")) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 113
        // call RV, line 114
        if (!r_RV(env, context)) {
            return false;
        }
        // delete, line 114
        if (!env.slice_del()) {
            return false;
        }
        // try, line 115
        var v_3 = env.limit - env.cursor;
        lab3: while (true) {
            // (, line 115
            // [, line 116
            env.ket = env.cursor;
            // substring, line 116
            among_var = env.find_among_b(A_2);
            if (among_var == 0) {
                env.cursor = env.limit - v_3;
                break lab3;
            }
            // ], line 116
            env.bra = env.cursor;
            if (among_var == 0) {
                env.cursor = env.limit - v_3;
                break lab3;
            } else if (among_var == 1) {
                // (, line 117
                // call R2, line 117
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_3;
                    break lab3;
                }
                // delete, line 117
                if (!env.slice_del()) {
                    return false;
                }
                // [, line 117
                env.ket = env.cursor;
                // literal, line 117
                if (!env.eq_s_b("at")) {
                    env.cursor = env.limit - v_3;
                    break lab3;
                }
                // ], line 117
                env.bra = env.cursor;
                // call R2, line 117
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_3;
                    break lab3;
                }
                // delete, line 117
                if (!env.slice_del()) {
                    return false;
                }
            } else if (among_var == 2) {
                // (, line 118
                // or, line 118
                lab4: while (true) {
                    var v_4 = env.limit - env.cursor;
                    lab5: while (true) {
                        // (, line 118
                        // call R2, line 118
                        if (!r_R2(env, context)) {
                            break lab5;
                        }
                        // delete, line 118
                        if (!env.slice_del()) {
                            return false;
                        }
                        break lab4;
                    }
                    env.cursor = env.limit - v_4;
                    // (, line 118
                    // call R1, line 118
                    if (!r_R1(env, context)) {
                        env.cursor = env.limit - v_3;
                        break lab3;
                    }
                    // <-, line 118
                    if (!env.slice_from("eux")) {
                        return false;
                    }
                    break lab4;
                }
            } else if (among_var == 3) {
                // (, line 120
                // call R2, line 120
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_3;
                    break lab3;
                }
                // delete, line 120
                if (!env.slice_del()) {
                    return false;
                }
            } else if (among_var == 4) {
                // (, line 122
                // call RV, line 122
                if (!r_RV(env, context)) {
                    env.cursor = env.limit - v_3;
                    break lab3;
                }
                // <-, line 122
                if (!env.slice_from("i")) {
                    return false;
                }
            }
            break lab3;
        }
    } else if (among_var == 7) {
        // (, line 128
        // call R2, line 129
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 129
        if (!env.slice_del()) {
            return false;
        }
        // try, line 130
        var v_5 = env.limit - env.cursor;
        lab6: while (true) {
            // (, line 130
            // [, line 131
            env.ket = env.cursor;
            // substring, line 131
            among_var = env.find_among_b(A_3);
            if (among_var == 0) {
                env.cursor = env.limit - v_5;
                break lab6;
            }
            // ], line 131
            env.bra = env.cursor;
            if (among_var == 0) {
                env.cursor = env.limit - v_5;
                break lab6;
            } else if (among_var == 1) {
                // (, line 132
                // or, line 132
                lab7: while (true) {
                    var v_6 = env.limit - env.cursor;
                    lab8: while (true) {
                        // (, line 132
                        // call R2, line 132
                        if (!r_R2(env, context)) {
                            break lab8;
                        }
                        // delete, line 132
                        if (!env.slice_del()) {
                            return false;
                        }
                        break lab7;
                    }
                    env.cursor = env.limit - v_6;
                    // <-, line 132
                    if (!env.slice_from("abl")) {
                        return false;
                    }
                    break lab7;
                }
            } else if (among_var == 2) {
                // (, line 133
                // or, line 133
                lab9: while (true) {
                    var v_7 = env.limit - env.cursor;
                    lab10: while (true) {
                        // (, line 133
                        // call R2, line 133
                        if (!r_R2(env, context)) {
                            break lab10;
                        }
                        // delete, line 133
                        if (!env.slice_del()) {
                            return false;
                        }
                        break lab9;
                    }
                    env.cursor = env.limit - v_7;
                    // <-, line 133
                    if (!env.slice_from("iqU")) {
                        return false;
                    }
                    break lab9;
                }
            } else if (among_var == 3) {
                // (, line 134
                // call R2, line 134
                if (!r_R2(env, context)) {
                    env.cursor = env.limit - v_5;
                    break lab6;
                }
                // delete, line 134
                if (!env.slice_del()) {
                    return false;
                }
            }
            break lab6;
        }
    } else if (among_var == 8) {
        // (, line 140
        // call R2, line 141
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 141
        if (!env.slice_del()) {
            return false;
        }
        // try, line 142
        var v_8 = env.limit - env.cursor;
        lab11: while (true) {
            // (, line 142
            // [, line 142
            env.ket = env.cursor;
            // literal, line 142
            if (!env.eq_s_b("at")) {
                env.cursor = env.limit - v_8;
                break lab11;
            }
            // ], line 142
            env.bra = env.cursor;
            // call R2, line 142
            if (!r_R2(env, context)) {
                env.cursor = env.limit - v_8;
                break lab11;
            }
            // delete, line 142
            if (!env.slice_del()) {
                return false;
            }
            // [, line 142
            env.ket = env.cursor;
            // literal, line 142
            if (!env.eq_s_b("ic")) {
                env.cursor = env.limit - v_8;
                break lab11;
            }
            // ], line 142
            env.bra = env.cursor;
            // or, line 142
            lab12: while (true) {
                var v_9 = env.limit - env.cursor;
                lab13: while (true) {
                    // (, line 142
                    // call R2, line 142
                    if (!r_R2(env, context)) {
                        break lab13;
                    }
                    // delete, line 142
                    if (!env.slice_del()) {
                        return false;
                    }
                    break lab12;
                }
                env.cursor = env.limit - v_9;
                // <-, line 142
                if (!env.slice_from("iqU")) {
                    return false;
                }
                break lab12;
            }
            break lab11;
        }
    } else if (among_var == 9) {
        // (, line 144
        // <-, line 144
        if (!env.slice_from("eau")) {
            return false;
        }
    } else if (among_var == 10) {
        // (, line 145
        // call R1, line 145
        if (!r_R1(env, context)) {
            return false;
        }
        // <-, line 145
        if (!env.slice_from("al")) {
            return false;
        }
    } else if (among_var == 11) {
        // (, line 147
        // or, line 147
        lab14: while (true) {
            var v_10 = env.limit - env.cursor;
            lab15: while (true) {
                // (, line 147
                // call R2, line 147
                if (!r_R2(env, context)) {
                    break lab15;
                }
                // delete, line 147
                if (!env.slice_del()) {
                    return false;
                }
                break lab14;
            }
            env.cursor = env.limit - v_10;
            // (, line 147
            // call R1, line 147
            if (!r_R1(env, context)) {
                return false;
            }
            // <-, line 147
            if (!env.slice_from("eux")) {
                return false;
            }
            break lab14;
        }
    } else if (among_var == 12) {
        // (, line 150
        // call R1, line 150
        if (!r_R1(env, context)) {
            return false;
        }
        if (!env.out_grouping_b(G_v, 97, 251)) {
            return false;
        }
        // delete, line 150
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 13) {
        // (, line 155
        // call RV, line 155
        if (!r_RV(env, context)) {
            return false;
        }
        // fail, line 155
        // (, line 155
        // <-, line 155
        if (!env.slice_from("ant")) {
            return false;
        }
        return false;
    } else if (among_var == 14) {
        // (, line 156
        // call RV, line 156
        if (!r_RV(env, context)) {
            return false;
        }
        // fail, line 156
        // (, line 156
        // <-, line 156
        if (!env.slice_from("ent")) {
            return false;
        }
        return false;
    } else if (among_var == 15) {
        // (, line 158
        // test, line 158
        var v_11 = env.limit - env.cursor;
        // (, line 158
        if (!env.in_grouping_b(G_v, 97, 251)) {
            return false;
        }
        // call RV, line 158
        if (!r_RV(env, context)) {
            return false;
        }
        env.cursor = env.limit - v_11;
        // fail, line 158
        // (, line 158
        // delete, line 158
        if (!env.slice_del()) {
            return false;
        }
        return false;
    }
    return true;
}

function r_i_verb_suffix(env, context) {
    var among_var;
    // setlimit, line 163
    var v_1 = env.limit - env.cursor;
    // tomark, line 163
    if (env.cursor < context.i_pV) {
        return false;
    }
    env.cursor = context.i_pV;
    var v_2 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v_1;
    // (, line 163
    // [, line 164
    env.ket = env.cursor;
    // substring, line 164
    among_var = env.find_among_b(A_5);
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    }
    // ], line 164
    env.bra = env.cursor;
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    } else if (among_var == 1) {
        // (, line 170
        if (!env.out_grouping_b(G_v, 97, 251)) {
            env.limit_backward = v_2;
            return false;
        }
        // delete, line 170
        if (!env.slice_del()) {
            return false;
        }
    }
    env.limit_backward = v_2;
    return true;
}

function r_verb_suffix(env, context) {
    var among_var;
    // setlimit, line 174
    var v_1 = env.limit - env.cursor;
    // tomark, line 174
    if (env.cursor < context.i_pV) {
        return false;
    }
    env.cursor = context.i_pV;
    var v_2 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v_1;
    // (, line 174
    // [, line 175
    env.ket = env.cursor;
    // substring, line 175
    among_var = env.find_among_b(A_6);
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    }
    // ], line 175
    env.bra = env.cursor;
    if (among_var == 0) {
        env.limit_backward = v_2;
        return false;
    } else if (among_var == 1) {
        // (, line 177
        // call R2, line 177
        if (!r_R2(env, context)) {
            env.limit_backward = v_2;
            return false;
        }
        // delete, line 177
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 185
        // delete, line 185
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 190
        // delete, line 190
        if (!env.slice_del()) {
            return false;
        }
        // try, line 191
        var v_3 = env.limit - env.cursor;
        lab0: while (true) {
            // (, line 191
            // [, line 191
            env.ket = env.cursor;
            // literal, line 191
            if (!env.eq_s_b("e")) {
                env.cursor = env.limit - v_3;
                break lab0;
            }
            // ], line 191
            env.bra = env.cursor;
            // delete, line 191
            if (!env.slice_del()) {
                return false;
            }
            break lab0;
        }
    }
    env.limit_backward = v_2;
    return true;
}

function r_residual_suffix(env, context) {
    var among_var;
    // (, line 198
    // try, line 199
    var v_1 = env.limit - env.cursor;
    lab0: while (true) {
        // (, line 199
        // [, line 199
        env.ket = env.cursor;
        // literal, line 199
        if (!env.eq_s_b("s")) {
            env.cursor = env.limit - v_1;
            break lab0;
        }
        // ], line 199
        env.bra = env.cursor;
        // test, line 199
        var v_2 = env.limit - env.cursor;
        if (!env.out_grouping_b(G_keep_with_s, 97, 232)) {
            env.cursor = env.limit - v_1;
            break lab0;
        }
        env.cursor = env.limit - v_2;
        // delete, line 199
        if (!env.slice_del()) {
            return false;
        }
        break lab0;
    }
    // setlimit, line 200
    var v_3 = env.limit - env.cursor;
    // tomark, line 200
    if (env.cursor < context.i_pV) {
        return false;
    }
    env.cursor = context.i_pV;
    var v_4 = env.limit_backward;
    env.limit_backward = env.cursor;
    env.cursor = env.limit - v_3;
    // (, line 200
    // [, line 201
    env.ket = env.cursor;
    // substring, line 201
    among_var = env.find_among_b(A_7);
    if (among_var == 0) {
        env.limit_backward = v_4;
        return false;
    }
    // ], line 201
    env.bra = env.cursor;
    if (among_var == 0) {
        env.limit_backward = v_4;
        return false;
    } else if (among_var == 1) {
        // (, line 202
        // call R2, line 202
        if (!r_R2(env, context)) {
            env.limit_backward = v_4;
            return false;
        }
        // or, line 202
        lab1: while (true) {
            var v_5 = env.limit - env.cursor;
            lab2: while (true) {
                // literal, line 202
                if (!env.eq_s_b("s")) {
                    break lab2;
                }
                break lab1;
            }
            env.cursor = env.limit - v_5;
            // literal, line 202
            if (!env.eq_s_b("t")) {
                env.limit_backward = v_4;
                return false;
            }
            break lab1;
        }
        // delete, line 202
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 204
        // <-, line 204
        if (!env.slice_from("i")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 205
        // delete, line 205
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 206
        // literal, line 206
        if (!env.eq_s_b("gu")) {
            env.limit_backward = v_4;
            return false;
        }
        // delete, line 206
        if (!env.slice_del()) {
            return false;
        }
    }
    env.limit_backward = v_4;
    return true;
}

function r_un_double(env, context) {
    // (, line 211
    // test, line 212
    var v_1 = env.limit - env.cursor;
    // among, line 212
    if (env.find_among_b(A_8) == 0) {
        return false;
    }
    env.cursor = env.limit - v_1;
    // [, line 212
    env.ket = env.cursor;
    // next, line 212
    if (env.cursor <= env.limit_backward) {
        return false;
    }
    env.previous_char();
    // ], line 212
    env.bra = env.cursor;
    // delete, line 212
    if (!env.slice_del()) {
        return false;
    }
    return true;
}

function r_un_accent(env, context) {
    // (, line 215
    // atleast, line 216
    var v_1 = 1;
    // atleast, line 216
    replab0: while (true) {
        lab1: for (var _once = 0; _once < 1; _once++) {
            if (!env.out_grouping_b(G_v, 97, 251)) {
                break lab1;
            }
            v_1 -= 1;
            continue replab0;
        }
        break replab0;
    }
    if (v_1 > 0) {
        return false;
    }
    // [, line 217
    env.ket = env.cursor;
    // or, line 217
    lab2: while (true) {
        var v_3 = env.limit - env.cursor;
        lab3: while (true) {
            // literal, line 217
            if (!env.eq_s_b("\u{00E9}")) {
                break lab3;
            }
            break lab2;
        }
        env.cursor = env.limit - v_3;
        // literal, line 217
        if (!env.eq_s_b("\u{00E8}")) {
            return false;
        }
        break lab2;
    }
    // ], line 217
    env.bra = env.cursor;
    // <-, line 217
    if (!env.slice_from("e")) {
        return false;
    }
    return true;
}

function stemEnv(env) {
    const context = {
        i_p2: 0,
        i_p1: 0,
        i_pV: 0,
    };
    // (, line 221
    // do, line 223
    var v_1 = env.cursor;
    lab0: while (true) {
        // call prelude, line 223
        if (!r_prelude(env, context)) {
            break lab0;
        }
        break lab0;
    }
    env.cursor = v_1;
    // do, line 224
    var v_2 = env.cursor;
    lab1: while (true) {
        // call mark_regions, line 224
        if (!r_mark_regions(env, context)) {
            break lab1;
        }
        break lab1;
    }
    env.cursor = v_2;
    // backwards, line 225
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    // (, line 225
    // do, line 227
    var v_3 = env.limit - env.cursor;
    lab2: while (true) {
        // (, line 227
        // or, line 237
        lab3: while (true) {
            var v_4 = env.limit - env.cursor;
            lab4: while (true) {
                // (, line 228
                // and, line 233
                var v_5 = env.limit - env.cursor;
                // (, line 229
                // or, line 229
                lab5: while (true) {
                    var v_6 = env.limit - env.cursor;
                    lab6: while (true) {
                        // call standard_suffix, line 229
                        if (!r_standard_suffix(env, context)) {
                            break lab6;
                        }
                        break lab5;
                    }
                    env.cursor = env.limit - v_6;
                    lab7: while (true) {
                        // call i_verb_suffix, line 230
                        if (!r_i_verb_suffix(env, context)) {
                            break lab7;
                        }
                        break lab5;
                    }
                    env.cursor = env.limit - v_6;
                    // call verb_suffix, line 231
                    if (!r_verb_suffix(env, context)) {
                        break lab4;
                    }
                    break lab5;
                }
                env.cursor = env.limit - v_5;
                // try, line 234
                var v_7 = env.limit - env.cursor;
                lab8: while (true) {
                    // (, line 234
                    // [, line 234
                    env.ket = env.cursor;
                    // or, line 234
                    lab9: while (true) {
                        var v_8 = env.limit - env.cursor;
                        lab10: while (true) {
                            // (, line 234
                            // literal, line 234
                            if (!env.eq_s_b("Y")) {
                                break lab10;
                            }
                            // ], line 234
                            env.bra = env.cursor;
                            // <-, line 234
                            if (!env.slice_from("i")) {
                                return false;
                            }
                            break lab9;
                        }
                        env.cursor = env.limit - v_8;
                        // (, line 235
                        // literal, line 235
                        if (!env.eq_s_b("\u{00E7}")) {
                            env.cursor = env.limit - v_7;
                            break lab8;
                        }
                        // ], line 235
                        env.bra = env.cursor;
                        // <-, line 235
                        if (!env.slice_from("c")) {
                            return false;
                        }
                        break lab9;
                    }
                    break lab8;
                }
                break lab3;
            }
            env.cursor = env.limit - v_4;
            // call residual_suffix, line 238
            if (!r_residual_suffix(env, context)) {
                break lab2;
            }
            break lab3;
        }
        break lab2;
    }
    env.cursor = env.limit - v_3;
    // do, line 243
    var v_9 = env.limit - env.cursor;
    lab11: while (true) {
        // call un_double, line 243
        if (!r_un_double(env, context)) {
            break lab11;
        }
        break lab11;
    }
    env.cursor = env.limit - v_9;
    // do, line 244
    var v_10 = env.limit - env.cursor;
    lab12: while (true) {
        // call un_accent, line 244
        if (!r_un_accent(env, context)) {
            break lab12;
        }
        break lab12;
    }
    env.cursor = env.limit - v_10;
    env.cursor = env.limit_backward;
    // do, line 246
    var v_11 = env.cursor;
    lab13: while (true) {
        // call postlude, line 246
        if (!r_postlude(env, context)) {
            break lab13;
        }
        break lab13;
    }
    env.cursor = v_11;
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
