/* exposure.c - `systemd-analyze security --offline=true` reimplemented on the unit model.
 *
 * Three steps, as in systemd: load (exposure_load.c: each directive the checks depend on,
 * interpreted the way systemd's parsers do, then the load-time side effects), assess (one rule
 * per row of the check table, exposure_checks.c), and sum with round-up division. Rendering
 * reproduces systemd's table (sorted by description descending, then name, with glibc's merge
 * sort) and its JSON rows.
 */
#include "base/prelude.h"

#include <stdio.h>

#include "base/arena.h"
#include "exposure/exposure.h"
#include "exposure/exposure_assess.h"
#include "exposure/exposure_checks.h"
#include "exposure/exposure_load.h"
#include "base/strbuf.h"
#include "systemd/syscall_groups.h"
#include "unit/unit.h"

#define EXPOSURE_DIV_ROUND_UP(a, b) (((a) + (b) - 1) / (b))

/* ---- sorting: systemd's comparator under glibc's merge sort ---- */

struct exposure_sort {
        const struct exposure_row *rows;
        bool empty_first; /* systemd 262: a row without a description before all others */
        uint64_t key[EXPOSURE_MAX_ROWS][2]; /* the first 16 bytes of each description, big-endian */
};

static void exposure_sort_key(const char *d, uint64_t ret[2])
{
        ret[0] = ret[1] = 0;
        for (size_t i = 0; d && i < 16 && d[i]; i++)
                ret[i / 8] |= (uint64_t) (unsigned char) d[i] << (56 - 8 * (i % 8));
}

/* Slot 0 is the header, slot i+1 is row i. */
static int exposure_row_cmp(const struct exposure_sort *s, size_t x, size_t y)
{
        if (x == 0 || y == 0)
                return x == y ? 0 : x == 0 ? -1 : 1;
        const struct exposure_row *a = &s->rows[x - 1], *b = &s->rows[y - 1];
        int r;
        if (a->description && b->description) {
                /* Byte-wise like strcmp(): the 16-byte prefixes decide unless they are equal. */
                const uint64_t *ka = s->key[x - 1], *kb = s->key[y - 1];
                if (ka[0] != kb[0])
                        r = ka[0] < kb[0] ? -1 : 1;
                else if (ka[1] != kb[1])
                        r = ka[1] < kb[1] ? -1 : 1;
                else
                        r = strcmp(a->description, b->description);
        }
        else if (!a->description && !b->description)
                r = 0;
        else if (s->empty_first)
                return a->description ? 1 : -1;
        else
                r = x < y ? -1 : x > y;
        if (r)
                return r < 0 ? 1 : -1;
        r = strcmp(a->name, b->name);
        if (r)
                return r;
        return x < y ? -1 : x > y;
}

static void exposure_msort(const struct exposure_sort *s, size_t *v, size_t n, size_t *tmp)
{
        if (n <= 1)
                return;
        size_t n1 = n / 2, n2 = n - n1;
        size_t *b1 = v, *b2 = v + n1, *out = tmp;
        exposure_msort(s, b1, n1, tmp);
        exposure_msort(s, b2, n2, tmp);
        while (n1 > 0 && n2 > 0) {
                if (exposure_row_cmp(s, *b1, *b2) <= 0) {
                        *out++ = *b1++;
                        n1--;
                } else {
                        *out++ = *b2++;
                        n2--;
                }
        }
        while (n1 > 0) {
                *out++ = *b1++;
                n1--;
        }
        memcpy(v, tmp, (size_t) (out - tmp) * sizeof(*v));
}

/* ---- public ---- */

static const struct {
        unsigned threshold;
        const char *word, *glyph, *ascii;
} exposure_verdicts[] = {
        { .threshold = 100, .word = "DANGEROUS", .glyph = "\U0001F922", .ascii = ":-[" },
        { .threshold = 90, .word = "UNSAFE", .glyph = "\U0001F628", .ascii = ":-{" },
        { .threshold = 75, .word = "EXPOSED", .glyph = "\U0001F641", .ascii = ":-(" },
        { .threshold = 50, .word = "MEDIUM", .glyph = "\U0001F610", .ascii = ":-|" },
        { .threshold = 10, .word = "OK", .glyph = "\U0001F642", .ascii = ":-)" },
        { .threshold = 1, .word = "SAFE", .glyph = "\U0001F600", .ascii = ":-}" },
        { .threshold = 0, .word = "PERFECT", .glyph = "\U0001F607", .ascii = ":-]" },
};

const char *exposure_verdict(unsigned exposure)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_verdicts); i++)
                if (exposure >= exposure_verdicts[i].threshold)
                        return exposure_verdicts[i].word;
        return "PERFECT";
}

const char *exposure_glyph(unsigned exposure, bool ascii)
{
        for (size_t i = 0; i < ARRAY_SIZE(exposure_verdicts); i++)
                if (exposure >= exposure_verdicts[i].threshold)
                        return ascii ? exposure_verdicts[i].ascii : exposure_verdicts[i].glyph;
        return "";
}

int exposure_assess(const struct unit_file *u, const struct exposure_options *opt,
                    struct exposure_report *ret)
{
        static const struct exposure_options defaults = { .systemd_version = 252 };
        if (!opt)
                opt = &defaults;
        memset(ret, 0, sizeof(*ret));
        ret->unit_name = u->name;

        unsigned version = opt->systemd_version ? opt->systemd_version : 252;
        const struct exposure_profile *profile = exposure_profile_for(version);
        const struct syscall_table *sc = syscall_table_for(version);
        if (!profile || !sc) {
                ret->status = EXPOSURE_BAD_VERSION;
                ret->message = arena_printf(u->arena, "no exposure profile for systemd %u (known: %s)", version,
                                            exposure_model_list(", ", ", "));
                return -1;
        }

        struct exposure_ctx c = { .profile = profile, .sc = sc };
        if (exposure_load(&c, u, opt) < 0) {
                ret->status = EXPOSURE_BAD_SETTING;
                ret->message = c.error;
                ret->fatal_entry = c.error_entry;
                return -1;
        }

        for (size_t i = 0; i < exposure_n_checks; i++) {
                const struct exposure_check *k = &exposure_checks[i];
                struct exposure_row *row = &ret->rows[ret->n_rows++];
                const char *desc = NULL;
                row->name = k->id;
                row->json_field = k->json_field;
                row->weight = k->weight;
                row->range = k->range;
                if (k->default_dependencies_only && !c.b[EXPOSURE_FIELD_DEFAULT_DEPENDENCIES]) {
                        row->badness = EXPOSURE_NA;
                        desc = "Service runs in special boot phase, option is not appropriate";
                } else
                        row->badness = k->assess(&c, k, &desc);

                if (row->badness == EXPOSURE_NA) {
                        row->set = -1;
                        row->description = k->na;
                } else if (row->badness == k->range) {
                        row->set = 0;
                        row->description = k->bad;
                } else if (row->badness == 0) {
                        row->set = 1;
                        row->description = k->good;
                } else {
                        row->set = 0;
                        row->description = NULL;
                }
                if (desc)
                        row->description = desc;
                if (row->badness != EXPOSURE_NA) {
                        row->cost = EXPOSURE_DIV_ROUND_UP(row->badness * row->weight, row->range);
                        ret->badness_sum += row->cost;
                        ret->weight_sum += row->weight;
                }

                /* The entries behind the row: of a row on some members of a set, only those
                 * that name one of them. */
                const struct exposure_origin *o = &c.origin[k->field];
                uint64_t members = exposure_check_members(&c, k);
                for (size_t j = o->n; j-- > 0 && row->n_why < EXPOSURE_MAX_WHY;)
                        if (!members || (o->named[j] & members))
                                row->why[row->n_why++] = o->v[j];
        }

        for (size_t i = 0; i < ret->n_rows; i++) {
                struct exposure_row *row = &ret->rows[i];
                if (row->badness == 0 || row->badness == EXPOSURE_NA)
                        continue;
                uint64_t x = EXPOSURE_DIV_ROUND_UP(row->badness * row->weight * 100, row->range);
                row->exposure = (unsigned) EXPOSURE_DIV_ROUND_UP(x, ret->weight_sum);
                row->has_exposure = true;
        }
        ret->exposure = ret->weight_sum ? (unsigned) EXPOSURE_DIV_ROUND_UP(ret->badness_sum * 100, ret->weight_sum)
                                        : 0;
        ret->verdict = exposure_verdict(ret->exposure);

        size_t slots[EXPOSURE_MAX_ROWS + 1], tmp[EXPOSURE_MAX_ROWS + 1];
        for (size_t i = 0; i <= ret->n_rows; i++)
                slots[i] = i;
        struct exposure_sort s = { .rows = ret->rows, .empty_first = profile->empty_descriptions_first };
        for (size_t i = 0; i < ret->n_rows; i++)
                exposure_sort_key(ret->rows[i].description, s.key[i]);
        exposure_msort(&s, slots, ret->n_rows + 1, tmp);
        for (size_t i = 0, j = 0; i <= ret->n_rows; i++)
                if (slots[i] != 0)
                        ret->order[j++] = slots[i] - 1;
        return 0;
}

size_t exposure_costliest(const struct exposure_report *r, size_t *ret_idx, size_t max)
{
        size_t n = 0;
        for (size_t i = 0; i < r->n_rows; i++) {
                if (r->rows[i].badness == EXPOSURE_NA || r->rows[i].cost == 0)
                        continue;
                /* insertion into a descending list, stable for ties */
                size_t pos = n < max ? n : max;
                while (pos > 0 && r->rows[ret_idx[pos - 1]].cost < r->rows[i].cost)
                        pos--;
                if (pos >= max)
                        continue;
                size_t end = n < max ? n : max - 1;
                memmove(ret_idx + pos + 1, ret_idx + pos, (end - pos) * sizeof(*ret_idx));
                ret_idx[pos] = i;
                if (n < max)
                        n++;
        }
        return n;
}

/* ---- rendering ---- */

/* Terminal columns of a UTF-8 string: one per code point, two for wide emoji. */
static size_t exposure_width(const char *s)
{
        const unsigned char *p = (const unsigned char *) s;
        size_t n = strlen(s), w = 0, i = 0;
        /* eight ASCII bytes at a time */
        for (; i + 8 <= n; i += 8) {
                uint64_t word;
                memcpy(&word, p + i, sizeof(word));
                if (word & UINT64_C(0x8080808080808080))
                        break;
                w += 8;
        }
        for (; i < n; i++)
                w += (size_t) ((p[i] & 0xc0) != 0x80) + (size_t) (p[i] >= 0xf0);
        return w;
}

/* "9.6" for 96 (empty when !present); buf holds at least 16 bytes. */
static void exposure_format_tenths(char *buf, bool present, unsigned tenths)
{
        char digits[12];
        size_t n = 0, k = 0;
        if (!present) {
                buf[0] = '\0';
                return;
        }
        unsigned whole = tenths / 10;
        do {
                digits[n++] = (char) ('0' + whole % 10);
                whole /= 10;
        } while (whole);
        while (n)
                buf[k++] = digits[--n];
        buf[k++] = '.';
        buf[k++] = (char) ('0' + tenths % 10);
        buf[k] = '\0';
}

static void exposure_pad(struct strbuf *out, size_t n)
{
        static const char spaces[] = "                                                                ";
        for (; n > sizeof(spaces) - 1; n -= sizeof(spaces) - 1)
                strbuf_add(out, spaces, sizeof(spaces) - 1);
        strbuf_add(out, spaces, n);
}

void exposure_render_text(const struct exposure_report *r, bool ascii, struct strbuf *out)
{
        enum { COLS = 4 };
        static const char *const header[COLS] = { "", "NAME", "DESCRIPTION", "EXPOSURE" };
        const char *good = ascii ? "+" : "\u2713", *bad = ascii ? "-" : "\u2717";
        char cells[EXPOSURE_MAX_ROWS][16];
        const char *text[EXPOSURE_MAX_ROWS + 1][COLS];
        size_t w[EXPOSURE_MAX_ROWS + 1][COLS], width[COLS] = { 0 };

        /* line 0 is the header, line i + 1 the i-th row in display order */
        for (size_t line = 0; line <= r->n_rows; line++) {
                if (line == 0)
                        memcpy(text[0], header, sizeof(text[0]));
                else {
                        size_t i = r->order[line - 1];
                        const struct exposure_row *row = &r->rows[i];
                        exposure_format_tenths(cells[i], row->has_exposure, row->exposure);
                        text[line][0] = row->set < 0 ? "" : row->set ? good : bad;
                        text[line][1] = row->name;
                        text[line][2] = row->description ? row->description : "";
                        text[line][3] = cells[i];
                }
                for (size_t c = 0; c < COLS; c++) {
                        w[line][c] = exposure_width(text[line][c]);
                        if (w[line][c] > width[c])
                                width[c] = w[line][c];
                }
        }
        for (size_t line = 0; line <= r->n_rows; line++) {
                for (size_t c = 0; c < COLS; c++) {
                        if (c > 0)
                                strbuf_putc(out, ' ');
                        if (c == COLS - 1) {
                                /* right-aligned; an empty last cell is not padded */
                                if (*text[line][c])
                                        exposure_pad(out, width[c] - w[line][c]);
                                strbuf_puts(out, text[line][c]);
                        } else {
                                strbuf_puts(out, text[line][c]);
                                exposure_pad(out, width[c] - w[line][c]);
                        }
                }
                strbuf_putc(out, '\n');
        }
        strbuf_printf(out, "\n%s Overall exposure level for %s: %u.%u %s %s\n", ascii ? "->" : "\u2192",
                      r->unit_name, r->exposure / 10, r->exposure % 10, r->verdict,
                      exposure_glyph(r->exposure, ascii));
}

static void exposure_json_string(struct strbuf *out, const char *s)
{
        if (!s) {
                strbuf_puts(out, "null");
                return;
        }
        strbuf_putc(out, '"');
        for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
                switch (*p) {
                case '"':
                        strbuf_puts(out, "\\\"");
                        break;
                case '\\':
                        strbuf_puts(out, "\\\\");
                        break;
                case '\b':
                        strbuf_puts(out, "\\b");
                        break;
                case '\f':
                        strbuf_puts(out, "\\f");
                        break;
                case '\n':
                        strbuf_puts(out, "\\n");
                        break;
                case '\r':
                        strbuf_puts(out, "\\r");
                        break;
                case '\t':
                        strbuf_puts(out, "\\t");
                        break;
                default:
                        if (*p < 0x20)
                                strbuf_printf(out, "\\u%04x", *p);
                        else
                                strbuf_putc(out, (char) *p);
                }
        }
        strbuf_putc(out, '"');
}

void exposure_render_json(const struct exposure_report *r, enum exposure_json mode, struct strbuf *out)
{
        bool pretty = mode == EXPOSURE_JSON_PRETTY;
        const char *sep = pretty ? " : " : ":";
        strbuf_puts(out, pretty ? "[\n" : "[");
        for (size_t line = 0; line < r->n_rows; line++) {
                const struct exposure_row *row = &r->rows[r->order[line]];
                char exp[16];
                exposure_format_tenths(exp, true, row->exposure);
                const char *keys[] = { "set", "name", "json_field", "description", "exposure" };
                if (line > 0)
                        strbuf_puts(out, pretty ? ",\n" : ",");
                strbuf_puts(out, pretty ? "\t{\n" : "{");
                for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
                        if (k > 0)
                                strbuf_puts(out, pretty ? ",\n" : ",");
                        if (pretty)
                                strbuf_puts(out, "\t\t");
                        exposure_json_string(out, keys[k]);
                        strbuf_puts(out, sep);
                        switch (k) {
                        case 0:
                                strbuf_puts(out, row->set < 0 ? "null" : row->set ? "true" : "false");
                                break;
                        case 1:
                                exposure_json_string(out, row->name);
                                break;
                        case 2:
                                exposure_json_string(out, row->json_field);
                                break;
                        case 3:
                                exposure_json_string(out, row->description);
                                break;
                        default:
                                exposure_json_string(out, row->has_exposure ? exp : NULL);
                        }
                }
                strbuf_puts(out, pretty ? "\n\t}" : "}");
        }
        strbuf_puts(out, pretty ? "\n]\n" : "]\n");
}
