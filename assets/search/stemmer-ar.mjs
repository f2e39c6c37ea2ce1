// The Snowball arabic stemmer for lore's search, ported from rust-stemmers 1.2.0
// (src/snowball/algorithms/arabic.rs) by scripts/port-snowball.mjs. Do not edit by hand:
// rerun the tool. The input must be lowercase, as lore's analysis makes it.
/* eslint-disable */
import { SnowballEnv } from './snowball.mjs';


const A_0 = [
  ["!", -1, 3],
  ["\"", -1, 3],
  ["%", -1, 3],
  ["*", -1, 3],
  [",", -1, 3],
  [".", -1, 3],
  ["/", -1, 3],
  [":", -1, 3],
  [";", -1, 3],
  ["?", -1, 3],
  ["\\", -1, 3],
  ["\u{060C}", -1, 4],
  ["\u{061B}", -1, 4],
  ["\u{061F}", -1, 4],
  ["\u{0640}", -1, 2],
  ["\u{064B}", -1, 1],
  ["\u{064C}", -1, 1],
  ["\u{064D}", -1, 1],
  ["\u{064E}", -1, 1],
  ["\u{064F}", -1, 1],
  ["\u{0650}", -1, 1],
  ["\u{0651}", -1, 1],
  ["\u{0652}", -1, 1],
  ["\u{0660}", -1, 5],
  ["\u{0661}", -1, 6],
  ["\u{0662}", -1, 7],
  ["\u{0663}", -1, 8],
  ["\u{0664}", -1, 9],
  ["\u{0665}", -1, 10],
  ["\u{0666}", -1, 11],
  ["\u{0667}", -1, 12],
  ["\u{0668}", -1, 13],
  ["\u{0669}", -1, 14],
  ["\u{066A}", -1, 15],
  ["\u{066B}", -1, 15],
  ["\u{066C}", -1, 15],
  ["\u{FE80}", -1, 16],
  ["\u{FE81}", -1, 20],
  ["\u{FE82}", -1, 20],
  ["\u{FE83}", -1, 17],
  ["\u{FE84}", -1, 17],
  ["\u{FE85}", -1, 21],
  ["\u{FE86}", -1, 21],
  ["\u{FE87}", -1, 18],
  ["\u{FE88}", -1, 18],
  ["\u{FE89}", -1, 19],
  ["\u{FE8A}", -1, 19],
  ["\u{FE8B}", -1, 19],
  ["\u{FE8C}", -1, 19],
  ["\u{FE8D}", -1, 22],
  ["\u{FE8E}", -1, 22],
  ["\u{FE8F}", -1, 23],
  ["\u{FE90}", -1, 23],
  ["\u{FE91}", -1, 23],
  ["\u{FE92}", -1, 23],
  ["\u{FE93}", -1, 24],
  ["\u{FE94}", -1, 24],
  ["\u{FE95}", -1, 25],
  ["\u{FE96}", -1, 25],
  ["\u{FE97}", -1, 25],
  ["\u{FE98}", -1, 25],
  ["\u{FE99}", -1, 26],
  ["\u{FE9A}", -1, 26],
  ["\u{FE9B}", -1, 26],
  ["\u{FE9C}", -1, 26],
  ["\u{FE9D}", -1, 27],
  ["\u{FE9E}", -1, 27],
  ["\u{FE9F}", -1, 27],
  ["\u{FEA0}", -1, 27],
  ["\u{FEA1}", -1, 28],
  ["\u{FEA2}", -1, 28],
  ["\u{FEA3}", -1, 28],
  ["\u{FEA4}", -1, 28],
  ["\u{FEA5}", -1, 29],
  ["\u{FEA6}", -1, 29],
  ["\u{FEA7}", -1, 29],
  ["\u{FEA8}", -1, 29],
  ["\u{FEA9}", -1, 30],
  ["\u{FEAA}", -1, 30],
  ["\u{FEAB}", -1, 31],
  ["\u{FEAC}", -1, 31],
  ["\u{FEAD}", -1, 32],
  ["\u{FEAE}", -1, 32],
  ["\u{FEAF}", -1, 33],
  ["\u{FEB0}", -1, 33],
  ["\u{FEB1}", -1, 34],
  ["\u{FEB2}", -1, 34],
  ["\u{FEB3}", -1, 34],
  ["\u{FEB4}", -1, 34],
  ["\u{FEB5}", -1, 35],
  ["\u{FEB6}", -1, 35],
  ["\u{FEB7}", -1, 35],
  ["\u{FEB8}", -1, 35],
  ["\u{FEB9}", -1, 36],
  ["\u{FEBA}", -1, 36],
  ["\u{FEBB}", -1, 36],
  ["\u{FEBC}", -1, 36],
  ["\u{FEBD}", -1, 37],
  ["\u{FEBE}", -1, 37],
  ["\u{FEBF}", -1, 37],
  ["\u{FEC0}", -1, 37],
  ["\u{FEC1}", -1, 38],
  ["\u{FEC2}", -1, 38],
  ["\u{FEC3}", -1, 38],
  ["\u{FEC4}", -1, 38],
  ["\u{FEC5}", -1, 39],
  ["\u{FEC6}", -1, 39],
  ["\u{FEC7}", -1, 39],
  ["\u{FEC8}", -1, 39],
  ["\u{FEC9}", -1, 40],
  ["\u{FECA}", -1, 40],
  ["\u{FECB}", -1, 40],
  ["\u{FECC}", -1, 40],
  ["\u{FECD}", -1, 41],
  ["\u{FECE}", -1, 41],
  ["\u{FECF}", -1, 41],
  ["\u{FED0}", -1, 41],
  ["\u{FED1}", -1, 42],
  ["\u{FED2}", -1, 42],
  ["\u{FED3}", -1, 42],
  ["\u{FED4}", -1, 42],
  ["\u{FED5}", -1, 43],
  ["\u{FED6}", -1, 43],
  ["\u{FED7}", -1, 43],
  ["\u{FED8}", -1, 43],
  ["\u{FED9}", -1, 44],
  ["\u{FEDA}", -1, 44],
  ["\u{FEDB}", -1, 44],
  ["\u{FEDC}", -1, 44],
  ["\u{FEDD}", -1, 45],
  ["\u{FEDE}", -1, 45],
  ["\u{FEDF}", -1, 45],
  ["\u{FEE0}", -1, 45],
  ["\u{FEE1}", -1, 46],
  ["\u{FEE2}", -1, 46],
  ["\u{FEE3}", -1, 46],
  ["\u{FEE4}", -1, 46],
  ["\u{FEE5}", -1, 47],
  ["\u{FEE6}", -1, 47],
  ["\u{FEE7}", -1, 47],
  ["\u{FEE8}", -1, 47],
  ["\u{FEE9}", -1, 48],
  ["\u{FEEA}", -1, 48],
  ["\u{FEEB}", -1, 48],
  ["\u{FEEC}", -1, 48],
  ["\u{FEED}", -1, 49],
  ["\u{FEEE}", -1, 49],
  ["\u{FEEF}", -1, 50],
  ["\u{FEF0}", -1, 50],
  ["\u{FEF1}", -1, 51],
  ["\u{FEF2}", -1, 51],
  ["\u{FEF3}", -1, 51],
  ["\u{FEF4}", -1, 51],
  ["\u{FEF5}", -1, 55],
  ["\u{FEF6}", -1, 55],
  ["\u{FEF7}", -1, 53],
  ["\u{FEF8}", -1, 53],
  ["\u{FEF9}", -1, 54],
  ["\u{FEFA}", -1, 54],
  ["\u{FEFB}", -1, 52],
  ["\u{FEFC}", -1, 52],
];

const A_1 = [
  ["\u{0622}", -1, 1],
  ["\u{0623}", -1, 1],
  ["\u{0624}", -1, 2],
  ["\u{0625}", -1, 1],
  ["\u{0626}", -1, 3],
];

const A_2 = [
  ["\u{0622}", -1, 1],
  ["\u{0623}", -1, 1],
  ["\u{0624}", -1, 2],
  ["\u{0625}", -1, 1],
  ["\u{0626}", -1, 3],
];

const A_3 = [
  ["\u{0627}\u{0644}", -1, 2],
  ["\u{0628}\u{0627}\u{0644}", -1, 1],
  ["\u{0643}\u{0627}\u{0644}", -1, 1],
  ["\u{0644}\u{0644}", -1, 2],
];

const A_4 = [
  ["\u{0623}\u{0622}", -1, 2],
  ["\u{0623}\u{0623}", -1, 1],
  ["\u{0623}\u{0624}", -1, 3],
  ["\u{0623}\u{0625}", -1, 5],
  ["\u{0623}\u{0627}", -1, 4],
];

const A_5 = [
  ["\u{0641}", -1, 1],
  ["\u{0648}", -1, 2],
];

const A_6 = [
  ["\u{0627}\u{0644}", -1, 2],
  ["\u{0628}\u{0627}\u{0644}", -1, 1],
  ["\u{0643}\u{0627}\u{0644}", -1, 1],
  ["\u{0644}\u{0644}", -1, 2],
];

const A_7 = [
  ["\u{0628}", -1, 1],
  ["\u{0628}\u{0628}", 0, 2],
  ["\u{0643}\u{0643}", -1, 3],
];

const A_8 = [
  ["\u{0633}\u{0623}", -1, 4],
  ["\u{0633}\u{062A}", -1, 2],
  ["\u{0633}\u{0646}", -1, 3],
  ["\u{0633}\u{064A}", -1, 1],
];

const A_9 = [
  ["\u{062A}\u{0633}\u{062A}", -1, 1],
  ["\u{0646}\u{0633}\u{062A}", -1, 1],
  ["\u{064A}\u{0633}\u{062A}", -1, 1],
];

const A_10 = [
  ["\u{0643}", -1, 1],
  ["\u{0643}\u{0645}", -1, 2],
  ["\u{0647}\u{0645}", -1, 2],
  ["\u{0647}\u{0646}", -1, 2],
  ["\u{0647}", -1, 1],
  ["\u{064A}", -1, 1],
  ["\u{0643}\u{0645}\u{0627}", -1, 3],
  ["\u{0647}\u{0645}\u{0627}", -1, 3],
  ["\u{0646}\u{0627}", -1, 2],
  ["\u{0647}\u{0627}", -1, 2],
];

const A_11 = [
  ["\u{0646}", -1, 1],
];

const A_12 = [
  ["\u{0648}", -1, 1],
  ["\u{064A}", -1, 1],
  ["\u{0627}", -1, 1],
];

const A_13 = [
  ["\u{0627}\u{062A}", -1, 1],
];

const A_14 = [
  ["\u{062A}", -1, 1],
];

const A_15 = [
  ["\u{0629}", -1, 1],
];

const A_16 = [
  ["\u{064A}", -1, 1],
];

const A_17 = [
  ["\u{0643}", -1, 1],
  ["\u{0643}\u{0645}", -1, 2],
  ["\u{0647}\u{0645}", -1, 2],
  ["\u{0643}\u{0646}", -1, 2],
  ["\u{0647}\u{0646}", -1, 2],
  ["\u{0647}", -1, 1],
  ["\u{0643}\u{0645}\u{0648}", -1, 3],
  ["\u{0646}\u{064A}", -1, 2],
  ["\u{0643}\u{0645}\u{0627}", -1, 3],
  ["\u{0647}\u{0645}\u{0627}", -1, 3],
  ["\u{0646}\u{0627}", -1, 2],
  ["\u{0647}\u{0627}", -1, 2],
];

const A_18 = [
  ["\u{0646}", -1, 2],
  ["\u{0648}\u{0646}", 0, 4],
  ["\u{064A}\u{0646}", 0, 4],
  ["\u{0627}\u{0646}", 0, 4],
  ["\u{062A}\u{0646}", 0, 3],
  ["\u{064A}", -1, 2],
  ["\u{0627}", -1, 2],
  ["\u{062A}\u{0645}\u{0627}", 6, 5],
  ["\u{0646}\u{0627}", 6, 3],
  ["\u{062A}\u{0627}", 6, 3],
  ["\u{062A}", -1, 1],
];

const A_19 = [
  ["\u{062A}\u{0645}", -1, 1],
  ["\u{0648}\u{0627}", -1, 1],
];

const A_20 = [
  ["\u{0648}", -1, 1],
  ["\u{062A}\u{0645}\u{0648}", 0, 2],
];

const A_21 = [
  ["\u{0649}", -1, 1],
];


function r_Normalize_pre(env, context) {
    var among_var;
    // (, line 258
    // loop, line 259
    for (let _n0 = env.charCount(); _n0 > 0; _n0--) {
        // (, line 259
        // or, line 328
        lab0: while (true) {
            var v_2 = env.cursor;
            lab1: while (true) {
                // (, line 260
                // [, line 261
                env.bra = env.cursor;
                // substring, line 261
                among_var = env.find_among(A_0);
                if (among_var == 0) {
                    break lab1;
                }
                // ], line 261
                env.ket = env.cursor;
                if (among_var == 0) {
                    break lab1;
                } else if (among_var == 1) {
                    // (, line 262
                    // delete, line 262
                    if (!env.slice_del()) {
                        return false;
                    }
                } else if (among_var == 2) {
                    // (, line 263
                    // delete, line 263
                    if (!env.slice_del()) {
                        return false;
                    }
                } else if (among_var == 3) {
                    // (, line 266
                    // delete, line 266
                    if (!env.slice_del()) {
                        return false;
                    }
                } else if (among_var == 4) {
                    // (, line 267
                    // delete, line 267
                    if (!env.slice_del()) {
                        return false;
                    }
                } else if (among_var == 5) {
                    // (, line 270
                    // <-, line 270
                    if (!env.slice_from("0")) {
                        return false;
                    }
                } else if (among_var == 6) {
                    // (, line 271
                    // <-, line 271
                    if (!env.slice_from("1")) {
                        return false;
                    }
                } else if (among_var == 7) {
                    // (, line 272
                    // <-, line 272
                    if (!env.slice_from("2")) {
                        return false;
                    }
                } else if (among_var == 8) {
                    // (, line 273
                    // <-, line 273
                    if (!env.slice_from("3")) {
                        return false;
                    }
                } else if (among_var == 9) {
                    // (, line 274
                    // <-, line 274
                    if (!env.slice_from("4")) {
                        return false;
                    }
                } else if (among_var == 10) {
                    // (, line 275
                    // <-, line 275
                    if (!env.slice_from("5")) {
                        return false;
                    }
                } else if (among_var == 11) {
                    // (, line 276
                    // <-, line 276
                    if (!env.slice_from("6")) {
                        return false;
                    }
                } else if (among_var == 12) {
                    // (, line 277
                    // <-, line 277
                    if (!env.slice_from("7")) {
                        return false;
                    }
                } else if (among_var == 13) {
                    // (, line 278
                    // <-, line 278
                    if (!env.slice_from("8")) {
                        return false;
                    }
                } else if (among_var == 14) {
                    // (, line 279
                    // <-, line 279
                    if (!env.slice_from("9")) {
                        return false;
                    }
                } else if (among_var == 15) {
                    // (, line 280
                    // delete, line 280
                    if (!env.slice_del()) {
                        return false;
                    }
                } else if (among_var == 16) {
                    // (, line 283
                    // <-, line 283
                    if (!env.slice_from("\u{0621}")) {
                        return false;
                    }
                } else if (among_var == 17) {
                    // (, line 284
                    // <-, line 284
                    if (!env.slice_from("\u{0623}")) {
                        return false;
                    }
                } else if (among_var == 18) {
                    // (, line 285
                    // <-, line 285
                    if (!env.slice_from("\u{0625}")) {
                        return false;
                    }
                } else if (among_var == 19) {
                    // (, line 286
                    // <-, line 286
                    if (!env.slice_from("\u{0626}")) {
                        return false;
                    }
                } else if (among_var == 20) {
                    // (, line 287
                    // <-, line 287
                    if (!env.slice_from("\u{0622}")) {
                        return false;
                    }
                } else if (among_var == 21) {
                    // (, line 288
                    // <-, line 288
                    if (!env.slice_from("\u{0624}")) {
                        return false;
                    }
                } else if (among_var == 22) {
                    // (, line 289
                    // <-, line 289
                    if (!env.slice_from("\u{0627}")) {
                        return false;
                    }
                } else if (among_var == 23) {
                    // (, line 290
                    // <-, line 290
                    if (!env.slice_from("\u{0628}")) {
                        return false;
                    }
                } else if (among_var == 24) {
                    // (, line 291
                    // <-, line 291
                    if (!env.slice_from("\u{0629}")) {
                        return false;
                    }
                } else if (among_var == 25) {
                    // (, line 292
                    // <-, line 292
                    if (!env.slice_from("\u{062A}")) {
                        return false;
                    }
                } else if (among_var == 26) {
                    // (, line 293
                    // <-, line 293
                    if (!env.slice_from("\u{062B}")) {
                        return false;
                    }
                } else if (among_var == 27) {
                    // (, line 294
                    // <-, line 294
                    if (!env.slice_from("\u{062C}")) {
                        return false;
                    }
                } else if (among_var == 28) {
                    // (, line 295
                    // <-, line 295
                    if (!env.slice_from("\u{062D}")) {
                        return false;
                    }
                } else if (among_var == 29) {
                    // (, line 296
                    // <-, line 296
                    if (!env.slice_from("\u{062E}")) {
                        return false;
                    }
                } else if (among_var == 30) {
                    // (, line 297
                    // <-, line 297
                    if (!env.slice_from("\u{062F}")) {
                        return false;
                    }
                } else if (among_var == 31) {
                    // (, line 298
                    // <-, line 298
                    if (!env.slice_from("\u{0630}")) {
                        return false;
                    }
                } else if (among_var == 32) {
                    // (, line 299
                    // <-, line 299
                    if (!env.slice_from("\u{0631}")) {
                        return false;
                    }
                } else if (among_var == 33) {
                    // (, line 300
                    // <-, line 300
                    if (!env.slice_from("\u{0632}")) {
                        return false;
                    }
                } else if (among_var == 34) {
                    // (, line 301
                    // <-, line 301
                    if (!env.slice_from("\u{0633}")) {
                        return false;
                    }
                } else if (among_var == 35) {
                    // (, line 302
                    // <-, line 302
                    if (!env.slice_from("\u{0634}")) {
                        return false;
                    }
                } else if (among_var == 36) {
                    // (, line 303
                    // <-, line 303
                    if (!env.slice_from("\u{0635}")) {
                        return false;
                    }
                } else if (among_var == 37) {
                    // (, line 304
                    // <-, line 304
                    if (!env.slice_from("\u{0636}")) {
                        return false;
                    }
                } else if (among_var == 38) {
                    // (, line 305
                    // <-, line 305
                    if (!env.slice_from("\u{0637}")) {
                        return false;
                    }
                } else if (among_var == 39) {
                    // (, line 306
                    // <-, line 306
                    if (!env.slice_from("\u{0638}")) {
                        return false;
                    }
                } else if (among_var == 40) {
                    // (, line 307
                    // <-, line 307
                    if (!env.slice_from("\u{0639}")) {
                        return false;
                    }
                } else if (among_var == 41) {
                    // (, line 308
                    // <-, line 308
                    if (!env.slice_from("\u{063A}")) {
                        return false;
                    }
                } else if (among_var == 42) {
                    // (, line 309
                    // <-, line 309
                    if (!env.slice_from("\u{0641}")) {
                        return false;
                    }
                } else if (among_var == 43) {
                    // (, line 310
                    // <-, line 310
                    if (!env.slice_from("\u{0642}")) {
                        return false;
                    }
                } else if (among_var == 44) {
                    // (, line 311
                    // <-, line 311
                    if (!env.slice_from("\u{0643}")) {
                        return false;
                    }
                } else if (among_var == 45) {
                    // (, line 312
                    // <-, line 312
                    if (!env.slice_from("\u{0644}")) {
                        return false;
                    }
                } else if (among_var == 46) {
                    // (, line 313
                    // <-, line 313
                    if (!env.slice_from("\u{0645}")) {
                        return false;
                    }
                } else if (among_var == 47) {
                    // (, line 314
                    // <-, line 314
                    if (!env.slice_from("\u{0646}")) {
                        return false;
                    }
                } else if (among_var == 48) {
                    // (, line 315
                    // <-, line 315
                    if (!env.slice_from("\u{0647}")) {
                        return false;
                    }
                } else if (among_var == 49) {
                    // (, line 316
                    // <-, line 316
                    if (!env.slice_from("\u{0648}")) {
                        return false;
                    }
                } else if (among_var == 50) {
                    // (, line 317
                    // <-, line 317
                    if (!env.slice_from("\u{0649}")) {
                        return false;
                    }
                } else if (among_var == 51) {
                    // (, line 318
                    // <-, line 318
                    if (!env.slice_from("\u{064A}")) {
                        return false;
                    }
                } else if (among_var == 52) {
                    // (, line 321
                    // <-, line 321
                    if (!env.slice_from("\u{0644}\u{0627}")) {
                        return false;
                    }
                } else if (among_var == 53) {
                    // (, line 322
                    // <-, line 322
                    if (!env.slice_from("\u{0644}\u{0623}")) {
                        return false;
                    }
                } else if (among_var == 54) {
                    // (, line 323
                    // <-, line 323
                    if (!env.slice_from("\u{0644}\u{0625}")) {
                        return false;
                    }
                } else if (among_var == 55) {
                    // (, line 324
                    // <-, line 324
                    if (!env.slice_from("\u{0644}\u{0622}")) {
                        return false;
                    }
                }
                break lab0;
            }
            env.cursor = v_2;
            // next, line 329
            if (env.cursor >= env.limit) {
                return false;
            }
            env.next_char();
            break lab0;
        }
    }
    return true;
}

function r_Normalize_post(env, context) {
    var among_var;
    // (, line 333
    // do, line 335
    var v_1 = env.cursor;
    lab0: while (true) {
        // (, line 335
        // backwards, line 337
        env.limit_backward = env.cursor;
        env.cursor = env.limit;
        // (, line 337
        // [, line 338
        env.ket = env.cursor;
        // substring, line 338
        among_var = env.find_among_b(A_1);
        if (among_var == 0) {
            break lab0;
        }
        // ], line 338
        env.bra = env.cursor;
        if (among_var == 0) {
            break lab0;
        } else if (among_var == 1) {
            // (, line 339
            // <-, line 339
            if (!env.slice_from("\u{0621}")) {
                return false;
            }
        } else if (among_var == 2) {
            // (, line 340
            // <-, line 340
            if (!env.slice_from("\u{0621}")) {
                return false;
            }
        } else if (among_var == 3) {
            // (, line 341
            // <-, line 341
            if (!env.slice_from("\u{0621}")) {
                return false;
            }
        }
        env.cursor = env.limit_backward;
        break lab0;
    }
    env.cursor = v_1;
    // do, line 346
    var v_2 = env.cursor;
    lab1: while (true) {
        // loop, line 346
        for (let _n1 = context.i_word_len; _n1 > 0; _n1--) {
            // (, line 346
            // or, line 355
            lab2: while (true) {
                var v_4 = env.cursor;
                lab3: while (true) {
                    // (, line 347
                    // [, line 349
                    env.bra = env.cursor;
                    // substring, line 349
                    among_var = env.find_among(A_2);
                    if (among_var == 0) {
                        break lab3;
                    }
                    // ], line 349
                    env.ket = env.cursor;
                    if (among_var == 0) {
                        break lab3;
                    } else if (among_var == 1) {
                        // (, line 350
                        // <-, line 350
                        if (!env.slice_from("\u{0627}")) {
                            return false;
                        }
                    } else if (among_var == 2) {
                        // (, line 351
                        // <-, line 351
                        if (!env.slice_from("\u{0648}")) {
                            return false;
                        }
                    } else if (among_var == 3) {
                        // (, line 352
                        // <-, line 352
                        if (!env.slice_from("\u{064A}")) {
                            return false;
                        }
                    }
                    break lab2;
                }
                env.cursor = v_4;
                // next, line 356
                if (env.cursor >= env.limit) {
                    break lab1;
                }
                env.next_char();
                break lab2;
            }
        }
        break lab1;
    }
    env.cursor = v_2;
    return true;
}

function r_Checks1(env, context) {
    var among_var;
    // (, line 361
    context.i_word_len = env.charCount();
    // [, line 363
    env.bra = env.cursor;
    // substring, line 363
    among_var = env.find_among(A_3);
    if (among_var == 0) {
        return false;
    }
    // ], line 363
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 364
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // set is_noun, line 364
        context.b_is_noun = true;
        // unset is_verb, line 364
        context.b_is_verb = false;
        // set is_defined, line 364
        context.b_is_defined = true;
    } else if (among_var == 2) {
        // (, line 365
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // set is_noun, line 365
        context.b_is_noun = true;
        // unset is_verb, line 365
        context.b_is_verb = false;
        // set is_defined, line 365
        context.b_is_defined = true;
    }
    return true;
}

function r_Prefix_Step1(env, context) {
    var among_var;
    // (, line 371
    context.i_word_len = env.charCount();
    // [, line 373
    env.bra = env.cursor;
    // substring, line 373
    among_var = env.find_among(A_4);
    if (among_var == 0) {
        return false;
    }
    // ], line 373
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 374
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 374
        if (!env.slice_from("\u{0623}")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 375
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 375
        if (!env.slice_from("\u{0622}")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 376
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 376
        if (!env.slice_from("\u{0623}")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 377
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 377
        if (!env.slice_from("\u{0627}")) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 378
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 378
        if (!env.slice_from("\u{0625}")) {
            return false;
        }
    }
    return true;
}

function r_Prefix_Step2(env, context) {
    var among_var;
    // (, line 383
    context.i_word_len = env.charCount();
    // not, line 385
    var v_1 = env.cursor;
    lab0: while (true) {
        // literal, line 385
        if (!env.eq_s("\u{0641}\u{0627}")) {
            break lab0;
        }
        return false;
    }
    env.cursor = v_1;
    // not, line 386
    var v_2 = env.cursor;
    lab1: while (true) {
        // literal, line 386
        if (!env.eq_s("\u{0648}\u{0627}")) {
            break lab1;
        }
        return false;
    }
    env.cursor = v_2;
    // [, line 387
    env.bra = env.cursor;
    // substring, line 387
    among_var = env.find_among(A_5);
    if (among_var == 0) {
        return false;
    }
    // ], line 387
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 388
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // delete, line 388
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 389
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // delete, line 389
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Prefix_Step3a_Noun(env, context) {
    var among_var;
    // (, line 393
    context.i_word_len = env.charCount();
    // [, line 395
    env.bra = env.cursor;
    // substring, line 395
    among_var = env.find_among(A_6);
    if (among_var == 0) {
        return false;
    }
    // ], line 395
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 396
        if (!(context.i_word_len > 5)) {
            return false;
        }
        // delete, line 396
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 397
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // delete, line 397
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Prefix_Step3b_Noun(env, context) {
    var among_var;
    // (, line 401
    context.i_word_len = env.charCount();
    // not, line 403
    var v_1 = env.cursor;
    lab0: while (true) {
        // literal, line 403
        if (!env.eq_s("\u{0628}\u{0627}")) {
            break lab0;
        }
        return false;
    }
    env.cursor = v_1;
    // [, line 404
    env.bra = env.cursor;
    // substring, line 404
    among_var = env.find_among(A_7);
    if (among_var == 0) {
        return false;
    }
    // ], line 404
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 405
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // delete, line 405
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 407
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 407
        if (!env.slice_from("\u{0628}")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 408
        if (!(context.i_word_len > 3)) {
            return false;
        }
        // <-, line 408
        if (!env.slice_from("\u{0643}")) {
            return false;
        }
    }
    return true;
}

function r_Prefix_Step3_Verb(env, context) {
    var among_var;
    // (, line 413
    context.i_word_len = env.charCount();
    // [, line 415
    env.bra = env.cursor;
    // substring, line 415
    among_var = env.find_among(A_8);
    if (among_var == 0) {
        return false;
    }
    // ], line 415
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 417
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // <-, line 417
        if (!env.slice_from("\u{064A}")) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 418
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // <-, line 418
        if (!env.slice_from("\u{062A}")) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 419
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // <-, line 419
        if (!env.slice_from("\u{0646}")) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 420
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // <-, line 420
        if (!env.slice_from("\u{0623}")) {
            return false;
        }
    }
    return true;
}

function r_Prefix_Step4_Verb(env, context) {
    var among_var;
    // (, line 424
    context.i_word_len = env.charCount();
    // [, line 426
    env.bra = env.cursor;
    // substring, line 426
    among_var = env.find_among(A_9);
    if (among_var == 0) {
        return false;
    }
    // ], line 426
    env.ket = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 427
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // set is_verb, line 427
        context.b_is_verb = true;
        // unset is_noun, line 427
        context.b_is_noun = false;
        // <-, line 427
        if (!env.slice_from("\u{0627}\u{0633}\u{062A}")) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step1a(env, context) {
    var among_var;
    // (, line 434
    context.i_word_len = env.charCount();
    // [, line 436
    env.ket = env.cursor;
    // substring, line 436
    among_var = env.find_among_b(A_10);
    if (among_var == 0) {
        return false;
    }
    // ], line 436
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 437
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 437
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 438
        if (!(context.i_word_len >= 5)) {
            return false;
        }
        // delete, line 438
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 439
        if (!(context.i_word_len >= 6)) {
            return false;
        }
        // delete, line 439
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step1b(env, context) {
    var among_var;
    // (, line 442
    context.i_word_len = env.charCount();
    // [, line 444
    env.ket = env.cursor;
    // substring, line 444
    among_var = env.find_among_b(A_11);
    if (among_var == 0) {
        return false;
    }
    // ], line 444
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 445
        if (!(context.i_word_len > 5)) {
            return false;
        }
        // delete, line 445
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step2a(env, context) {
    var among_var;
    // (, line 449
    context.i_word_len = env.charCount();
    // [, line 451
    env.ket = env.cursor;
    // substring, line 451
    among_var = env.find_among_b(A_12);
    if (among_var == 0) {
        return false;
    }
    // ], line 451
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 452
        if (!(context.i_word_len > 4)) {
            return false;
        }
        // delete, line 452
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step2b(env, context) {
    var among_var;
    // (, line 456
    context.i_word_len = env.charCount();
    // [, line 458
    env.ket = env.cursor;
    // substring, line 458
    among_var = env.find_among_b(A_13);
    if (among_var == 0) {
        return false;
    }
    // ], line 458
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 459
        if (!(context.i_word_len >= 5)) {
            return false;
        }
        // delete, line 459
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step2c1(env, context) {
    var among_var;
    // (, line 463
    context.i_word_len = env.charCount();
    // [, line 465
    env.ket = env.cursor;
    // substring, line 465
    among_var = env.find_among_b(A_14);
    if (among_var == 0) {
        return false;
    }
    // ], line 465
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 466
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 466
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step2c2(env, context) {
    var among_var;
    // (, line 469
    context.i_word_len = env.charCount();
    // [, line 471
    env.ket = env.cursor;
    // substring, line 471
    among_var = env.find_among_b(A_15);
    if (among_var == 0) {
        return false;
    }
    // ], line 471
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 472
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 472
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Noun_Step3(env, context) {
    var among_var;
    // (, line 475
    context.i_word_len = env.charCount();
    // [, line 477
    env.ket = env.cursor;
    // substring, line 477
    among_var = env.find_among_b(A_16);
    if (among_var == 0) {
        return false;
    }
    // ], line 477
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 478
        if (!(context.i_word_len >= 3)) {
            return false;
        }
        // delete, line 478
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Verb_Step1(env, context) {
    var among_var;
    // (, line 482
    context.i_word_len = env.charCount();
    // [, line 484
    env.ket = env.cursor;
    // substring, line 484
    among_var = env.find_among_b(A_17);
    if (among_var == 0) {
        return false;
    }
    // ], line 484
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 485
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 485
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 486
        if (!(context.i_word_len >= 5)) {
            return false;
        }
        // delete, line 486
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 487
        if (!(context.i_word_len >= 6)) {
            return false;
        }
        // delete, line 487
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Verb_Step2a(env, context) {
    var among_var;
    // (, line 490
    context.i_word_len = env.charCount();
    // [, line 492
    env.ket = env.cursor;
    // substring, line 492
    among_var = env.find_among_b(A_18);
    if (among_var == 0) {
        return false;
    }
    // ], line 492
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 493
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 493
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 494
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 494
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 3) {
        // (, line 495
        if (!(context.i_word_len >= 5)) {
            return false;
        }
        // delete, line 495
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 4) {
        // (, line 496
        if (!(context.i_word_len > 5)) {
            return false;
        }
        // delete, line 496
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 5) {
        // (, line 497
        if (!(context.i_word_len >= 6)) {
            return false;
        }
        // delete, line 497
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Verb_Step2b(env, context) {
    var among_var;
    // (, line 501
    context.i_word_len = env.charCount();
    // [, line 503
    env.ket = env.cursor;
    // substring, line 503
    among_var = env.find_among_b(A_19);
    if (among_var == 0) {
        return false;
    }
    // ], line 503
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 504
        if (!(context.i_word_len >= 5)) {
            return false;
        }
        // delete, line 504
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_Verb_Step2c(env, context) {
    var among_var;
    // (, line 509
    context.i_word_len = env.charCount();
    // [, line 511
    env.ket = env.cursor;
    // substring, line 511
    among_var = env.find_among_b(A_20);
    if (among_var == 0) {
        return false;
    }
    // ], line 511
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 512
        if (!(context.i_word_len >= 4)) {
            return false;
        }
        // delete, line 512
        if (!env.slice_del()) {
            return false;
        }
    } else if (among_var == 2) {
        // (, line 513
        if (!(context.i_word_len >= 6)) {
            return false;
        }
        // delete, line 513
        if (!env.slice_del()) {
            return false;
        }
    }
    return true;
}

function r_Suffix_All_alef_maqsura(env, context) {
    var among_var;
    // (, line 517
    context.i_word_len = env.charCount();
    // [, line 519
    env.ket = env.cursor;
    // substring, line 519
    among_var = env.find_among_b(A_21);
    if (among_var == 0) {
        return false;
    }
    // ], line 519
    env.bra = env.cursor;
    if (among_var == 0) {
        return false;
    } else if (among_var == 1) {
        // (, line 520
        // <-, line 520
        if (!env.slice_from("\u{064A}")) {
            return false;
        }
    }
    return true;
}

function stemEnv(env) {
    const context = {
        b_is_defined: false,
        b_is_verb: false,
        b_is_noun: false,
        i_word_len: 0,
    };
    // (, line 527
    // set is_noun, line 529
    context.b_is_noun = true;
    // set is_verb, line 530
    context.b_is_verb = true;
    // unset is_defined, line 531
    context.b_is_defined = false;
    // do, line 534
    var v_1 = env.cursor;
    lab0: while (true) {
        // call Checks1, line 534
        if (!r_Checks1(env, context)) {
            break lab0;
        }
        break lab0;
    }
    env.cursor = v_1;
    // do, line 537
    var v_2 = env.cursor;
    lab1: while (true) {
        // call Normalize_pre, line 537
        if (!r_Normalize_pre(env, context)) {
            break lab1;
        }
        break lab1;
    }
    env.cursor = v_2;
    // backwards, line 540
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    // (, line 540
    // do, line 542
    var v_3 = env.limit - env.cursor;
    lab2: while (true) {
        // (, line 542
        // or, line 556
        lab3: while (true) {
            var v_4 = env.limit - env.cursor;
            lab4: while (true) {
                // (, line 544
                // Boolean test is_verb, line 545
                if (!context.b_is_verb) {
                    break lab4;
                }
                // (, line 546
                // or, line 551
                lab5: while (true) {
                    var v_5 = env.limit - env.cursor;
                    lab6: while (true) {
                        // (, line 547
                        // (, line 548
                        // atleast, line 548
                        var v_6 = 1;
                        // atleast, line 548
                        replab7: while (true) {
                            var v_7 = env.limit - env.cursor;
                            lab8: for (var _once = 0; _once < 1; _once++) {
                                // call Suffix_Verb_Step1, line 548
                                if (!r_Suffix_Verb_Step1(env, context)) {
                                    break lab8;
                                }
                                v_6 -= 1;
                                continue replab7;
                            }
                            env.cursor = env.limit - v_7;
                            break replab7;
                        }
                        if (v_6 > 0) {
                            break lab6;
                        }
                        // (, line 549
                        // or, line 549
                        lab9: while (true) {
                            var v_8 = env.limit - env.cursor;
                            lab10: while (true) {
                                // call Suffix_Verb_Step2a, line 549
                                if (!r_Suffix_Verb_Step2a(env, context)) {
                                    break lab10;
                                }
                                break lab9;
                            }
                            env.cursor = env.limit - v_8;
                            lab11: while (true) {
                                // call Suffix_Verb_Step2c, line 549
                                if (!r_Suffix_Verb_Step2c(env, context)) {
                                    break lab11;
                                }
                                break lab9;
                            }
                            env.cursor = env.limit - v_8;
                            // next, line 549
                            if (env.cursor <= env.limit_backward) {
                                break lab6;
                            }
                            env.previous_char();
                            break lab9;
                        }
                        break lab5;
                    }
                    env.cursor = env.limit - v_5;
                    lab12: while (true) {
                        // call Suffix_Verb_Step2b, line 551
                        if (!r_Suffix_Verb_Step2b(env, context)) {
                            break lab12;
                        }
                        break lab5;
                    }
                    env.cursor = env.limit - v_5;
                    // call Suffix_Verb_Step2a, line 552
                    if (!r_Suffix_Verb_Step2a(env, context)) {
                        break lab4;
                    }
                    break lab5;
                }
                break lab3;
            }
            env.cursor = env.limit - v_4;
            lab13: while (true) {
                // (, line 556
                // Boolean test is_noun, line 557
                if (!context.b_is_noun) {
                    break lab13;
                }
                // (, line 558
                // try, line 560
                var v_9 = env.limit - env.cursor;
                lab14: while (true) {
                    // (, line 560
                    // or, line 562
                    lab15: while (true) {
                        var v_10 = env.limit - env.cursor;
                        lab16: while (true) {
                            // call Suffix_Noun_Step2c2, line 561
                            if (!r_Suffix_Noun_Step2c2(env, context)) {
                                break lab16;
                            }
                            break lab15;
                        }
                        env.cursor = env.limit - v_10;
                        lab17: while (true) {
                            // (, line 562
                            // not, line 562
                            lab18: while (true) {
                                // Boolean test is_defined, line 562
                                if (!context.b_is_defined) {
                                    break lab18;
                                }
                                break lab17;
                            }
                            // call Suffix_Noun_Step1a, line 562
                            if (!r_Suffix_Noun_Step1a(env, context)) {
                                break lab17;
                            }
                            // (, line 562
                            // or, line 564
                            lab19: while (true) {
                                var v_12 = env.limit - env.cursor;
                                lab20: while (true) {
                                    // call Suffix_Noun_Step2a, line 563
                                    if (!r_Suffix_Noun_Step2a(env, context)) {
                                        break lab20;
                                    }
                                    break lab19;
                                }
                                env.cursor = env.limit - v_12;
                                lab21: while (true) {
                                    // call Suffix_Noun_Step2b, line 564
                                    if (!r_Suffix_Noun_Step2b(env, context)) {
                                        break lab21;
                                    }
                                    break lab19;
                                }
                                env.cursor = env.limit - v_12;
                                lab22: while (true) {
                                    // call Suffix_Noun_Step2c1, line 565
                                    if (!r_Suffix_Noun_Step2c1(env, context)) {
                                        break lab22;
                                    }
                                    break lab19;
                                }
                                env.cursor = env.limit - v_12;
                                // next, line 566
                                if (env.cursor <= env.limit_backward) {
                                    break lab17;
                                }
                                env.previous_char();
                                break lab19;
                            }
                            break lab15;
                        }
                        env.cursor = env.limit - v_10;
                        lab23: while (true) {
                            // (, line 567
                            // call Suffix_Noun_Step1b, line 567
                            if (!r_Suffix_Noun_Step1b(env, context)) {
                                break lab23;
                            }
                            // (, line 567
                            // or, line 569
                            lab24: while (true) {
                                var v_13 = env.limit - env.cursor;
                                lab25: while (true) {
                                    // call Suffix_Noun_Step2a, line 568
                                    if (!r_Suffix_Noun_Step2a(env, context)) {
                                        break lab25;
                                    }
                                    break lab24;
                                }
                                env.cursor = env.limit - v_13;
                                lab26: while (true) {
                                    // call Suffix_Noun_Step2b, line 569
                                    if (!r_Suffix_Noun_Step2b(env, context)) {
                                        break lab26;
                                    }
                                    break lab24;
                                }
                                env.cursor = env.limit - v_13;
                                // call Suffix_Noun_Step2c1, line 570
                                if (!r_Suffix_Noun_Step2c1(env, context)) {
                                    break lab23;
                                }
                                break lab24;
                            }
                            break lab15;
                        }
                        env.cursor = env.limit - v_10;
                        lab27: while (true) {
                            // (, line 571
                            // not, line 571
                            lab28: while (true) {
                                // Boolean test is_defined, line 571
                                if (!context.b_is_defined) {
                                    break lab28;
                                }
                                break lab27;
                            }
                            // call Suffix_Noun_Step2a, line 571
                            if (!r_Suffix_Noun_Step2a(env, context)) {
                                break lab27;
                            }
                            break lab15;
                        }
                        env.cursor = env.limit - v_10;
                        // (, line 572
                        // call Suffix_Noun_Step2b, line 572
                        if (!r_Suffix_Noun_Step2b(env, context)) {
                            env.cursor = env.limit - v_9;
                            break lab14;
                        }
                        break lab15;
                    }
                    break lab14;
                }
                // call Suffix_Noun_Step3, line 574
                if (!r_Suffix_Noun_Step3(env, context)) {
                    break lab13;
                }
                break lab3;
            }
            env.cursor = env.limit - v_4;
            // call Suffix_All_alef_maqsura, line 580
            if (!r_Suffix_All_alef_maqsura(env, context)) {
                break lab2;
            }
            break lab3;
        }
        break lab2;
    }
    env.cursor = env.limit - v_3;
    env.cursor = env.limit_backward;
    // do, line 585
    var v_15 = env.cursor;
    lab29: while (true) {
        // (, line 585
        // try, line 586
        var v_16 = env.cursor;
        lab30: while (true) {
            // call Prefix_Step1, line 586
            if (!r_Prefix_Step1(env, context)) {
                env.cursor = v_16;
                break lab30;
            }
            break lab30;
        }
        // try, line 587
        var v_17 = env.cursor;
        lab31: while (true) {
            // call Prefix_Step2, line 587
            if (!r_Prefix_Step2(env, context)) {
                env.cursor = v_17;
                break lab31;
            }
            break lab31;
        }
        // (, line 588
        // or, line 589
        lab32: while (true) {
            var v_18 = env.cursor;
            lab33: while (true) {
                // call Prefix_Step3a_Noun, line 588
                if (!r_Prefix_Step3a_Noun(env, context)) {
                    break lab33;
                }
                break lab32;
            }
            env.cursor = v_18;
            lab34: while (true) {
                // (, line 589
                // Boolean test is_noun, line 589
                if (!context.b_is_noun) {
                    break lab34;
                }
                // call Prefix_Step3b_Noun, line 589
                if (!r_Prefix_Step3b_Noun(env, context)) {
                    break lab34;
                }
                break lab32;
            }
            env.cursor = v_18;
            // (, line 590
            // Boolean test is_verb, line 590
            if (!context.b_is_verb) {
                break lab29;
            }
            // try, line 590
            var v_19 = env.cursor;
            lab35: while (true) {
                // call Prefix_Step3_Verb, line 590
                if (!r_Prefix_Step3_Verb(env, context)) {
                    env.cursor = v_19;
                    break lab35;
                }
                break lab35;
            }
            // call Prefix_Step4_Verb, line 590
            if (!r_Prefix_Step4_Verb(env, context)) {
                break lab29;
            }
            break lab32;
        }
        break lab29;
    }
    env.cursor = v_15;
    // do, line 595
    var v_20 = env.cursor;
    lab36: while (true) {
        // call Normalize_post, line 595
        if (!r_Normalize_post(env, context)) {
            break lab36;
        }
        break lab36;
    }
    env.cursor = v_20;
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
