// The Snowball english stemmer for lore's search, ported from rust-stemmers 1.2.0
// (src/snowball/algorithms/english.rs) by scripts/port-snowball.mjs. Do not edit by hand:
// rerun the tool. The input must be lowercase, as lore's analysis makes it.
/* eslint-disable */
import { SnowballEnv } from './snowball.mjs';


const A_0 = [
  ["arsen", -1, -1],
  ["commun", -1, -1],
  ["gener", -1, -1],
];

const A_1 = [
  ["'", -1, 1],
  ["'s'", 0, 1],
  ["'s", -1, 1],
];

const A_2 = [
  ["ied", -1, 2],
  ["s", -1, 3],
  ["ies", 1, 2],
  ["sses", 1, 1],
  ["ss", 1, -1],
  ["us", 1, -1],
];

const A_3 = [
  ["", -1, 3],
  ["bb", 0, 2],
  ["dd", 0, 2],
  ["ff", 0, 2],
  ["gg", 0, 2],
  ["bl", 0, 1],
  ["mm", 0, 2],
  ["nn", 0, 2],
  ["pp", 0, 2],
  ["rr", 0, 2],
  ["at", 0, 1],
  ["tt", 0, 2],
  ["iz", 0, 1],
];

const A_4 = [
  ["ed", -1, 2],
  ["eed", 0, 1],
  ["ing", -1, 2],
  ["edly", -1, 2],
  ["eedly", 3, 1],
  ["ingly", -1, 2],
];

const A_5 = [
  ["anci", -1, 3],
  ["enci", -1, 2],
  ["ogi", -1, 13],
  ["li", -1, 16],
  ["bli", 3, 12],
  ["abli", 4, 4],
  ["alli", 3, 8],
  ["fulli", 3, 14],
  ["lessli", 3, 15],
  ["ousli", 3, 10],
  ["entli", 3, 5],
  ["aliti", -1, 8],
  ["biliti", -1, 12],
  ["iviti", -1, 11],
  ["tional", -1, 1],
  ["ational", 14, 7],
  ["alism", -1, 8],
  ["ation", -1, 7],
  ["ization", 17, 6],
  ["izer", -1, 6],
  ["ator", -1, 7],
  ["iveness", -1, 11],
  ["fulness", -1, 9],
  ["ousness", -1, 10],
];

const A_6 = [
  ["icate", -1, 4],
  ["ative", -1, 6],
  ["alize", -1, 3],
  ["iciti", -1, 4],
  ["ical", -1, 4],
  ["tional", -1, 1],
  ["ational", 5, 2],
  ["ful", -1, 5],
  ["ness", -1, 5],
];

const A_7 = [
  ["ic", -1, 1],
  ["ance", -1, 1],
  ["ence", -1, 1],
  ["able", -1, 1],
  ["ible", -1, 1],
  ["ate", -1, 1],
  ["ive", -1, 1],
  ["ize", -1, 1],
  ["iti", -1, 1],
  ["al", -1, 1],
  ["ism", -1, 1],
  ["ion", -1, 2],
  ["er", -1, 1],
  ["ous", -1, 1],
  ["ant", -1, 1],
  ["ent", -1, 1],
  ["ment", 15, 1],
  ["ement", 16, 1],
];

const A_8 = [
  ["e", -1, 1],
  ["l", -1, 2],
];

const A_9 = [
  ["succeed", -1, -1],
  ["proceed", -1, -1],
  ["exceed", -1, -1],
  ["canning", -1, -1],
  ["inning", -1, -1],
  ["earring", -1, -1],
  ["herring", -1, -1],
  ["outing", -1, -1],
];

const A_10 = [
  ["andes", -1, -1],
  ["atlas", -1, -1],
  ["bias", -1, -1],
  ["cosmos", -1, -1],
  ["dying", -1, 3],
  ["early", -1, 9],
  ["gently", -1, 7],
  ["howe", -1, -1],
  ["idly", -1, 6],
  ["lying", -1, 4],
  ["news", -1, -1],
  ["only", -1, 10],
  ["singly", -1, 11],
  ["skies", -1, 2],
  ["skis", -1, 1],
  ["sky", -1, -1],
  ["tying", -1, 5],
  ["ugly", -1, 8],
];

const G_v = [17, 65, 16, 1];

const G_v_WXY = [1, 17, 65, 208, 1];

const G_valid_LI = [55, 141, 2];


function r_prelude(env, context) {
    // (, line 25
    // unset Y_found, line 26
    context.b_Y_found = false;
    // do, line 27
    var v_1 = env.cursor;
    lab0: while (true) {
        // (, line 27
        // [, line 27
        env.bra = env.cursor;
        // literal, line 27
        if (!env.eq_s("'")) {
            break lab0;
        }
        // ], line 27
        env.ket = env.cursor;
        // delete, line 27
        if (!env.slice_del()) {
            return false;
        }
        break lab0;
    }
    env.cursor = v_1;
    // do, line 28
    var v_2 = env.cursor;
    lab1: while (true) {
        // (, line 28
        // [, line 28
        env.bra = env.cursor;
        // literal, line 28
        if (!env.eq_s("y")) {
            break lab1;
        }
        // ], line 28
        env.ket = env.cursor;
        // <-, line 28
        if (!env.slice_from("Y")) {
            return false;
        }
        // set Y_found, line 28
        context.b_Y_found = true;
        break lab1;
    }
    env.cursor = v_2;
    // do, line 29
    var v_3 = env.cursor;
    lab2: while (true) {
        // repeat, line 29
        replab3: while (true) {
            var v_4 = env.cursor;
            lab4: for (var _once = 0; _once < 1; _once++) {
                // (, line 29
                // goto, line 29
                golab5: while (true) {
                    var v_5 = env.cursor;
                    lab6: while (true) {
                        // (, line 29
                        if (!env.in_grouping(G_v, 97, 121)) {
                            break lab6;
                        }
                        // [, line 29
                        env.bra = env.cursor;
                        // literal, line 29
                        if (!env.eq_s("y")) {
                            break lab6;
                        }
                        // ], line 29
                        env.ket = env.cursor;
                        env.cursor = v_5;
                        break golab5;
                    }
                    env.cursor = v_5;
                    if (env.cursor >= env.limit) {
                        break lab4;
                    }
                    env.next_char();
                }
                // <-, line 29
                if (!env.slice_from("Y")) {
                    return false;
                }
                // set Y_found, line 29
                context.b_Y_found = true;
                continue replab3;
            }
            env.cursor = v_4;
            break replab3;
        }
        break lab2;
    }
    env.cursor = v_3;
    return true;
}

function r_mark_regions(env, context) {
    // (, line 32
    context.i_p1 = env.limit;
    context.i_p2 = env.limit;
    // do, line 35
    var v_1 = env.cursor;
    lab0: while (true) {
        // (, line 35
        // or, line 41
        lab1: while (true) {
            var v_2 = env.cursor;
            lab2: while (true) {
                // among, line 36
                if (env.find_among(A_0) == 0) {
                    break lab2;
                }
                break lab1;
            }
            env.cursor = v_2;
            // (, line 41
            // gopast, line 41
            golab3: while (true) {
                lab4: while (true) {
                    if (!env.in_grouping(G_v, 97, 121)) {
                        break lab4;
                    }
                    break golab3;
                }
                if (env.cursor >= env.limit) {
                    break lab0;
                }
                env.next_char();
            }
            // gopast, line 41
            golab5: while (true) {
                lab6: while (true) {
                    if (!env.out_grouping(G_v, 97, 121)) {
                        break lab6;
                    }
                    break golab5;
                }
                if (env.cursor >= env.limit) {
                    break lab0;
                }
                env.next_char();
            }
            break lab1;
        }
        // setmark p1, line 42
        context.i_p1 = env.cursor;
        // gopast, line 43
        golab7: while (true) {
            lab8: while (true) {
                if (!env.in_grouping(G_v, 97, 121)) {
                    break lab8;
                }
                break golab7;
            }
            if (env.cursor >= env.limit) {
                break lab0;
            }
            env.next_char();
        }
        // gopast, line 43
        golab9: while (true) {
            lab10: while (true) {
                if (!env.out_grouping(G_v, 97, 121)) {
                    break lab10;
                }
                break golab9;
            }
            if (env.cursor >= env.limit) {
                break lab0;
            }
            env.next_char();
        }
        // setmark p2, line 43
        context.i_p2 = env.cursor;
        break lab0;
    }
    env.cursor = v_1;
    return true;
}

function r_shortv(env, context) {
    // (, line 49
    // or, line 51
    lab0: while (true) {
        var v_1 = env.limit - env.cursor;
        lab1: while (true) {
            // (, line 50
            if (!env.out_grouping_b(G_v_WXY, 89, 121)) {
                break lab1;
            }
            if (!env.in_grouping_b(G_v, 97, 121)) {
                break lab1;
            }
            if (!env.out_grouping_b(G_v, 97, 121)) {
                break lab1;
            }
            break lab0;
        }
        env.cursor = env.limit - v_1;
        // (, line 52
        if (!env.out_grouping_b(G_v, 97, 121)) {
            return false;
        }
        if (!env.in_grouping_b(G_v, 97, 121)) {
            return false;
        }
        // atlimit, line 52
        if (env.cursor > env.limit_backward) {
            return false;
        }
        break lab0;
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

function r_Step_1a(env, context) {
    var among_var;
    // (, line 58
    // try, line 59
    var v_1 = env.limit - env.cursor;
    lab0: while (true) {
        // (, line 59
        // [, line 60
        env.ket = env.cursor;
        // substring, line 60
        among_var = env.find_among_b(A_1);
        if (among_var == 0) {
            env.cursor = env.limit - v_1;
            break lab0;
        }
        // ], line 60
        env.bra = env.cursor;
        if (among_var == 0) {
            env.cursor = env.limit - v_1;
            break lab0;
        } else if (among_var == 1) {
            // (, line 62
            // delete, line 62
            if (!env.slice_del()) {
                return false;
            }
        }
        break lab0;
    }
    // [, line 65
    env.ket = env.cursor;
    // substring, line 65
    among_var = env.find_among_b(A_2);
    if (among_var == 0) {
        return false;
    }
    // ], line 65
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 66
        // <-, line 66
        if (!env.slice_from("ss")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 68
        // or, line 68
        lab1: while (true) {
            var v_2 = env.limit - env.cursor;
            lab2: while (true) {
                // (, line 68
                // hop, line 68
                var c = env.byte_index_for_hop(-2);
                if (env.limit_backward  > c || c > env.limit ) {
                    break lab2;
                }
                env.cursor = c ;
                // <-, line 68
                if (!env.slice_from("i")) {
                    return false;
                }
                break lab1;
            }
            env.cursor = env.limit - v_2;
            // <-, line 68
            if (!env.slice_from("ie")) {
                return false;
            }
            break lab1;
        }
    } else if (among_var == 3) {
        // (, line 69
        // next, line 69
        if (env.cursor <= env.limit_backward) {
            return false;
        }
        env.previous_char();
        // gopast, line 69
        golab3: while (true) {
            lab4: while (true) {
                if (!env.in_grouping_b(G_v, 97, 121)) {
                    break lab4;
                }
                break golab3;
            }
            if (env.cursor <= env.limit_backward) {
                return false;
            }
            env.previous_char();
        }
        // delete, line 69
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Step_1b(env, context) {
    var among_var;
    // (, line 74
    // [, line 75
    env.ket = env.cursor;
    // substring, line 75
    among_var = env.find_among_b(A_4);
    if (among_var == 0) {
        return false;
    }
    // ], line 75
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 77
        // call R1, line 77
        if (!r_R1(env, context)) {
            return false;
        }
        // <-, line 77
        if (!env.slice_from("ee")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 79
        // test, line 80
        var v_1 = env.limit - env.cursor;
        // gopast, line 80
        golab0: while (true) {
            lab1: while (true) {
                if (!env.in_grouping_b(G_v, 97, 121)) {
                    break lab1;
                }
                break golab0;
            }
            if (env.cursor <= env.limit_backward) {
                return false;
            }
            env.previous_char();
        }
        env.cursor = env.limit - v_1;
        // delete, line 80
        if (!env.slice_del()) {
            return false;
        }
        // test, line 81
        var v_3 = env.limit - env.cursor;
        // substring, line 81
        among_var = env.find_among_b(A_3);
        if (among_var == 0) {
            return false;
        }
        env.cursor = env.limit - v_3;
        if (among_var == 0) {
            return false;
        } else if (among_var == 1) {
            // (, line 83
            // <+, line 83
            var c = env.cursor;
            var bra = env.cursor, ket = env.cursor;
            env.insert(bra, ket, "e");
            env.cursor = c;
        } else if (among_var == 2) {
            // (, line 86
            // [, line 86
            env.ket = env.cursor;
            // next, line 86
            if (env.cursor <= env.limit_backward) {
                return false;
            }
            env.previous_char();
            // ], line 86
            env.bra = env.cursor;
            // delete, line 86
            if (!env.slice_del()) {
                return false;
            }
        } else if (among_var == 3) {
            // (, line 87
            // atmark, line 87
            if (env.cursor != context.i_p1) {
                return false;
            }
            // test, line 87
            var v_4 = env.limit - env.cursor;
            // call shortv, line 87
            if (!r_shortv(env, context)) {
                return false;
            }
            env.cursor = env.limit - v_4;
            // <+, line 87
            var c = env.cursor;
            var bra = env.cursor, ket = env.cursor;
            env.insert(bra, ket, "e");
            env.cursor = c;
        }
    }
    return true;
}

function r_Step_1c(env, context) {
    // (, line 93
    // [, line 94
    env.ket = env.cursor;
    // or, line 94
    lab0: while (true) {
        var v_1 = env.limit - env.cursor;
        lab1: while (true) {
            // literal, line 94
            if (!env.eq_s_b("y")) {
                break lab1;
            }
            break lab0;
        }
        env.cursor = env.limit - v_1;
        // literal, line 94
        if (!env.eq_s_b("Y")) {
            return false;
        }
        break lab0;
    }
    // ], line 94
    env.bra = env.cursor;
    if (!env.out_grouping_b(G_v, 97, 121)) {
        return false;
    }
    // not, line 95
    var v_2 = env.limit - env.cursor;
    lab2: while (true) {
        // atlimit, line 95
        if (env.cursor > env.limit_backward) {
            break lab2;
        }
        return false;
    }
    env.cursor = env.limit - v_2;
    // <-, line 96
    if (!env.slice_from("i")) {
        return false;
    }
    return true;
}

function r_Step_2(env, context) {
    var among_var;
    // (, line 99
    // [, line 100
    env.ket = env.cursor;
    // substring, line 100
    among_var = env.find_among_b(A_5);
    if (among_var == 0) {
        return false;
    }
    // ], line 100
    env.bra = env.cursor;
    // call R1, line 100
    if (!r_R1(env, context)) {
        return false;
    }
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 101
        // <-, line 101
        if (!env.slice_from("tion")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 102
        // <-, line 102
        if (!env.slice_from("ence")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 103
        // <-, line 103
        if (!env.slice_from("ance")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 104
        // <-, line 104
        if (!env.slice_from("able")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 105
        // <-, line 105
        if (!env.slice_from("ent")) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 107
        // <-, line 107
        if (!env.slice_from("ize")) {
            return false;
        }
    } else if (among_var == 7) {
        // (, line 109
        // <-, line 109
        if (!env.slice_from("ate")) {
            return false;
        }
    } else if (among_var == 8) {
        // (, line 111
        // <-, line 111
        if (!env.slice_from("al")) {
            return false;
        }
    } else if (among_var == 9) {
        // (, line 112
        // <-, line 112
        if (!env.slice_from("ful")) {
            return false;
        }
    } else if (among_var == 10) {
        // (, line 114
        // <-, line 114
        if (!env.slice_from("ous")) {
            return false;
        }
    } else if (among_var == 11) {
        // (, line 116
        // <-, line 116
        if (!env.slice_from("ive")) {
            return false;
        }
    } else if (among_var == 12) {
        // (, line 118
        // <-, line 118
        if (!env.slice_from("ble")) {
            return false;
        }
    } else if (among_var == 13) {
        // (, line 119
        // literal, line 119
        if (!env.eq_s_b("l")) {
            return false;
        }
        // <-, line 119
        if (!env.slice_from("og")) {
            return false;
        }
    } else if (among_var == 14) {
        // (, line 120
        // <-, line 120
        if (!env.slice_from("ful")) {
            return false;
        }
    } else if (among_var == 15) {
        // (, line 121
        // <-, line 121
        if (!env.slice_from("less")) {
            return false;
        }
    } else if (among_var == 16) {
        // (, line 122
        if (!env.in_grouping_b(G_valid_LI, 99, 116)) {
            return false;
        }
        // delete, line 122
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Step_3(env, context) {
    var among_var;
    // (, line 126
    // [, line 127
    env.ket = env.cursor;
    // substring, line 127
    among_var = env.find_among_b(A_6);
    if (among_var == 0) {
        return false;
    }
    // ], line 127
    env.bra = env.cursor;
    // call R1, line 127
    if (!r_R1(env, context)) {
        return false;
    }
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 128
        // <-, line 128
        if (!env.slice_from("tion")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 129
        // <-, line 129
        if (!env.slice_from("ate")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 130
        // <-, line 130
        if (!env.slice_from("al")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 132
        // <-, line 132
        if (!env.slice_from("ic")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 134
        // delete, line 134
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 136
        // call R2, line 136
        if (!r_R2(env, context)) {
            return false;
        }
        // delete, line 136
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Step_4(env, context) {
    var among_var;
    // (, line 140
    // [, line 141
    env.ket = env.cursor;
    // substring, line 141
    among_var = env.find_among_b(A_7);
    if (among_var == 0) {
        return false;
    }
    // ], line 141
    env.bra = env.cursor;
    // call R2, line 141
    if (!r_R2(env, context)) {
        return false;
    }
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 144
        // delete, line 144
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 145
        // or, line 145
        lab0: while (true) {
            var v_1 = env.limit - env.cursor;
            lab1: while (true) {
                // literal, line 145
                if (!env.eq_s_b("s")) {
                    break lab1;
                }
                break lab0;
            }
            env.cursor = env.limit - v_1;
            // literal, line 145
            if (!env.eq_s_b("t")) {
                return false;
            }
            break lab0;
        }
        // delete, line 145
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Step_5(env, context) {
    var among_var;
    // (, line 149
    // [, line 150
    env.ket = env.cursor;
    // substring, line 150
    among_var = env.find_among_b(A_8);
    if (among_var == 0) {
        return false;
    }
    // ], line 150
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 151
        // or, line 151
        lab0: while (true) {
            var v_1 = env.limit - env.cursor;
            lab1: while (true) {
                // call R2, line 151
                if (!r_R2(env, context)) {
                    break lab1;
                }
                break lab0;
            }
            env.cursor = env.limit - v_1;
            // (, line 151
            // call R1, line 151
            if (!r_R1(env, context)) {
                return false;
            }
            // not, line 151
            var v_2 = env.limit - env.cursor;
            lab2: while (true) {
                // call shortv, line 151
                if (!r_shortv(env, context)) {
                    break lab2;
                }
                return false;
            }
            env.cursor = env.limit - v_2;
            break lab0;
        }
        // delete, line 151
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 152
        // call R2, line 152
        if (!r_R2(env, context)) {
            return false;
        }
        // literal, line 152
        if (!env.eq_s_b("l")) {
            return false;
        }
        // delete, line 152
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_exception2(env, context) {
    // (, line 156
    // [, line 158
    env.ket = env.cursor;
    // substring, line 158
    if (env.find_among_b(A_9) == 0) {
        return false;
    }
    // ], line 158
    env.bra = env.cursor;
    // atlimit, line 158
    if (env.cursor > env.limit_backward) {
        return false;
    }
    return true;
}

function r_exception1(env, context) {
    var among_var;
    // (, line 168
    // [, line 170
    env.bra = env.cursor;
    // substring, line 170
    among_var = env.find_among(A_10);
    if (among_var == 0) {
        return false;
    }
    // ], line 170
    env.ket = env.cursor;
    // atlimit, line 170
    if (env.cursor < env.limit) {
        return false;
    }
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 174
        // <-, line 174
        if (!env.slice_from("ski")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 175
        // <-, line 175
        if (!env.slice_from("sky")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 176
        // <-, line 176
        if (!env.slice_from("die")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 177
        // <-, line 177
        if (!env.slice_from("lie")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 178
        // <-, line 178
        if (!env.slice_from("tie")) {
            return false;
        }
    } else if (among_var == 6) {
        // (, line 182
        // <-, line 182
        if (!env.slice_from("idl")) {
            return false;
        }
    } else if (among_var == 7) {
        // (, line 183
        // <-, line 183
        if (!env.slice_from("gentl")) {
            return false;
        }
    } else if (among_var == 8) {
        // (, line 184
        // <-, line 184
        if (!env.slice_from("ugli")) {
            return false;
        }
    } else if (among_var == 9) {
        // (, line 185
        // <-, line 185
        if (!env.slice_from("earli")) {
            return false;
        }
    } else if (among_var == 10) {
        // (, line 186
        // <-, line 186
        if (!env.slice_from("onli")) {
            return false;
        }
    } else if (among_var == 11) {
        // (, line 187
        // <-, line 187
        if (!env.slice_from("singl")) {
            return false;
        }
    }
    return true;
}

function r_postlude(env, context) {
    // (, line 203
    // Boolean test Y_found, line 203
    if (!context.b_Y_found) {
        return false;
    }
    // repeat, line 203
    replab0: while (true) {
        var v_1 = env.cursor;
        lab1: for (var _once = 0; _once < 1; _once++) {
            // (, line 203
            // goto, line 203
            golab2: while (true) {
                var v_2 = env.cursor;
                lab3: while (true) {
                    // (, line 203
                    // [, line 203
                    env.bra = env.cursor;
                    // literal, line 203
                    if (!env.eq_s("Y")) {
                        break lab3;
                    }
                    // ], line 203
                    env.ket = env.cursor;
                    env.cursor = v_2;
                    break golab2;
                }
                env.cursor = v_2;
                if (env.cursor >= env.limit) {
                    break lab1;
                }
                env.next_char();
            }
            // <-, line 203
            if (!env.slice_from("y")) {
                return false;
            }
            continue replab0;
        }
        env.cursor = v_1;
        break replab0;
    }
    return true;
}

function stemEnv(env) {
    const context = {
        b_Y_found: false,
        i_p2: 0,
        i_p1: 0,
    };
    // (, line 205
    // or, line 207
    lab0: while (true) {
        var v_1 = env.cursor;
        lab1: while (true) {
            // call exception1, line 207
            if (!r_exception1(env, context)) {
                break lab1;
            }
            break lab0;
        }
        env.cursor = v_1;
        lab2: while (true) {
            // not, line 208
            var v_2 = env.cursor;
            lab3: while (true) {
                // hop, line 208
                var c = env.byte_index_for_hop(3);
                if (0  > c || c > env.limit ) {
                    break lab3;
                }
                env.cursor = c ;
                break lab2;
            }
            env.cursor = v_2;
            break lab0;
        }
        env.cursor = v_1;
        // (, line 208
        // do, line 209
        var v_3 = env.cursor;
        lab4: while (true) {
            // call prelude, line 209
            if (!r_prelude(env, context)) {
                break lab4;
            }
            break lab4;
        }
        env.cursor = v_3;
        // do, line 210
        var v_4 = env.cursor;
        lab5: while (true) {
            // call mark_regions, line 210
            if (!r_mark_regions(env, context)) {
                break lab5;
            }
            break lab5;
        }
        env.cursor = v_4;
        // backwards, line 211
        env.limit_backward = env.cursor;
        env.cursor = env.limit;
        // (, line 211
        // do, line 213
        var v_5 = env.limit - env.cursor;
        lab6: while (true) {
            // call Step_1a, line 213
            if (!r_Step_1a(env, context)) {
                break lab6;
            }
            break lab6;
        }
        env.cursor = env.limit - v_5;
        // or, line 215
        lab7: while (true) {
            var v_6 = env.limit - env.cursor;
            lab8: while (true) {
                // call exception2, line 215
                if (!r_exception2(env, context)) {
                    break lab8;
                }
                break lab7;
            }
            env.cursor = env.limit - v_6;
            // (, line 215
            // do, line 217
            var v_7 = env.limit - env.cursor;
            lab9: while (true) {
                // call Step_1b, line 217
                if (!r_Step_1b(env, context)) {
                    break lab9;
                }
                break lab9;
            }
            env.cursor = env.limit - v_7;
            // do, line 218
            var v_8 = env.limit - env.cursor;
            lab10: while (true) {
                // call Step_1c, line 218
                if (!r_Step_1c(env, context)) {
                    break lab10;
                }
                break lab10;
            }
            env.cursor = env.limit - v_8;
            // do, line 220
            var v_9 = env.limit - env.cursor;
            lab11: while (true) {
                // call Step_2, line 220
                if (!r_Step_2(env, context)) {
                    break lab11;
                }
                break lab11;
            }
            env.cursor = env.limit - v_9;
            // do, line 221
            var v_10 = env.limit - env.cursor;
            lab12: while (true) {
                // call Step_3, line 221
                if (!r_Step_3(env, context)) {
                    break lab12;
                }
                break lab12;
            }
            env.cursor = env.limit - v_10;
            // do, line 222
            var v_11 = env.limit - env.cursor;
            lab13: while (true) {
                // call Step_4, line 222
                if (!r_Step_4(env, context)) {
                    break lab13;
                }
                break lab13;
            }
            env.cursor = env.limit - v_11;
            // do, line 224
            var v_12 = env.limit - env.cursor;
            lab14: while (true) {
                // call Step_5, line 224
                if (!r_Step_5(env, context)) {
                    break lab14;
                }
                break lab14;
            }
            env.cursor = env.limit - v_12;
            break lab7;
        }
        env.cursor = env.limit_backward;
        // do, line 227
        var v_13 = env.cursor;
        lab15: while (true) {
            // call postlude, line 227
            if (!r_postlude(env, context)) {
                break lab15;
            }
            break lab15;
        }
        env.cursor = v_13;
        break lab0;
    }
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
