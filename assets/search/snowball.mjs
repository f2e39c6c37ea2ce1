// The Snowball runtime shared by lore's stemmers: a hand port of rust-stemmers 1.2.0
// (src/snowball/snowball_env.rs) that the stemmers written by scripts/port-snowball.mjs
// import. tests/js/analysis.test.mjs checks the stemmers against vectors from the Rust side.
/* eslint-disable */

// The Snowball runtime: a port of rust-stemmers' snowball_env.rs (cursor, limits, slices,
// groupings and the binary search over among tables), on UTF-16 code units.
/** UTF-8 bytes of a string of BMP characters. */
function utf8(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** True if every string of an among table is ASCII, computed once. */
function asciiTable(amongs) {
  if (amongs.ascii === undefined) amongs.ascii = amongs.every((e) => !/[^ -~]/.test(e[0]));
  return amongs.ascii;
}

/** An among entry's string as UTF-8, computed once. */
function amongBytes(entry) {
  return entry[3] || (entry[3] = utf8(entry[0]));
}

export class SnowballEnv {
  constructor(word) {
    this.current = word;
    this.cursor = 0;
    this.limit = word.length;
    this.limit_backward = 0;
    this.bra = 0;
    this.ket = word.length;
  }

  charCount() {
    return this.current.length;
  }

  replace_s(bra, ket, s) {
    const adjustment = s.length - (ket - bra);
    this.current = this.current.slice(0, bra) + s + this.current.slice(ket);
    this.limit += adjustment;
    if (this.cursor >= ket) this.cursor += adjustment;
    else if (this.cursor > bra) this.cursor = bra;
    return adjustment;
  }

  eq_s(s) {
    if (this.cursor >= this.limit) return false;
    if (!this.current.startsWith(s, this.cursor)) return false;
    this.cursor += s.length;
    return true;
  }

  eq_s_b(s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (!this.current.startsWith(s, this.cursor - s.length)) return false;
    this.cursor -= s.length;
    return true;
  }

  slice_from(s) {
    this.replace_s(this.bra, this.ket, s);
    return true;
  }

  slice_del() {
    return this.slice_from('');
  }

  insert(bra, ket, s) {
    const adjustment = this.replace_s(bra, ket, s);
    if (bra <= this.bra) this.bra += adjustment;
    if (bra <= this.ket) this.ket += adjustment;
  }

  next_char() {
    this.cursor += 1;
  }

  previous_char() {
    this.cursor -= 1;
  }

  byte_index_for_hop(delta) {
    return this.cursor + delta;
  }

  in_grouping(chars, min, max) {
    if (this.cursor >= this.limit) return false;
    let ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((chars[ch >> 3] & (1 << (ch & 7))) === 0) return false;
    this.cursor += 1;
    return true;
  }

  in_grouping_b(chars, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    let ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min) return false;
    ch -= min;
    if ((chars[ch >> 3] & (1 << (ch & 7))) === 0) return false;
    this.cursor -= 1;
    return true;
  }

  out_grouping(chars, min, max) {
    if (this.cursor >= this.limit) return false;
    let ch = this.current.charCodeAt(this.cursor);
    if (ch > max || ch < min) {
      this.cursor += 1;
      return true;
    }
    ch -= min;
    if ((chars[ch >> 3] & (1 << (ch & 7))) === 0) {
      this.cursor += 1;
      return true;
    }
    return false;
  }

  out_grouping_b(chars, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    let ch = this.current.charCodeAt(this.cursor - 1);
    if (ch > max || ch < min) {
      this.cursor -= 1;
      return true;
    }
    ch -= min;
    if ((chars[ch >> 3] & (1 << (ch & 7))) === 0) {
      this.cursor -= 1;
      return true;
    }
    return false;
  }

  // The among tables are ordered for rust-stemmers' byte-wise binary search (backwards over
  // UTF-8 for find_among_b, which is not code point order), so outside ASCII the search runs
  // on UTF-8 bytes too; in ASCII, bytes are the UTF-16 units and the string is searched as is.
  find_among(amongs) {
    return this.ascii(this.cursor, this.limit) && asciiTable(amongs) ? this.find_among_units(amongs) : this.find_among_bytes(amongs);
  }

  find_among_b(amongs) {
    return this.ascii(this.limit_backward, this.cursor) && asciiTable(amongs)
      ? this.find_among_b_units(amongs)
      : this.find_among_b_bytes(amongs);
  }

  ascii(from, to) {
    for (let i = from; i < to; i++) if (this.current.charCodeAt(i) > 0x7f) return false;
    return true;
  }

  find_among_units(amongs) {
    const bytes = this.current;
    const c = this.cursor;
    const l = this.limit;
    let i = 0;
    let j = amongs.length;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = amongs[k][0];
      for (let lvar = common; lvar < w.length; lvar++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = bytes.charCodeAt(c + common) - w.charCodeAt(lvar);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      const w = amongs[i];
      if (common_i >= w[0].length) {
        this.cursor += w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  find_among_b_units(amongs) {
    const bytes = this.current;
    const c = this.cursor;
    const lb = this.limit_backward;
    let i = 0;
    let j = amongs.length;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = common_i < common_j ? common_i : common_j;
      const w = amongs[k][0];
      for (let lvar = w.length - common - 1; lvar >= 0; lvar--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = bytes.charCodeAt(c - common - 1) - w.charCodeAt(lvar);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      const w = amongs[i];
      if (common_i >= w[0].length) {
        this.cursor -= w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }
  find_among_bytes(amongs) {
    const bytes = utf8(this.current.slice(this.cursor, this.limit));
    const c = 0;
    const l = bytes.length;
    let i = 0;
    let j = amongs.length;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = Math.min(common_i, common_j);
      const w = amongBytes(amongs[k]);
      for (let lvar = common; lvar < w.length; lvar++) {
        if (c + common === l) {
          diff = -1;
          break;
        }
        diff = bytes[c + common] - w[lvar];
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      const w = amongs[i];
      if (common_i >= amongBytes(w).length) {
        this.cursor += w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }

  find_among_b_bytes(amongs) {
    const bytes = utf8(this.current.slice(this.limit_backward, this.cursor));
    const c = bytes.length;
    const lb = 0;
    let i = 0;
    let j = amongs.length;
    let common_i = 0;
    let common_j = 0;
    let first_key_inspected = false;
    for (;;) {
      const k = i + ((j - i) >> 1);
      let diff = 0;
      let common = common_i < common_j ? common_i : common_j;
      const w = amongBytes(amongs[k]);
      for (let lvar = w.length - common - 1; lvar >= 0; lvar--) {
        if (c - common === lb) {
          diff = -1;
          break;
        }
        diff = bytes[c - common - 1] - w[lvar];
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) {
        j = k;
        common_j = common;
      } else {
        i = k;
        common_i = common;
      }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      const w = amongs[i];
      if (common_i >= amongBytes(w).length) {
        this.cursor -= w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  }
}
