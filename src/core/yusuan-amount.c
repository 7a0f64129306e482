/* yusuan-amount.c - exact money: gint64 fen, parsed and formatted in 元 and 万元
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-amount.h"

/* How much of a refused value its error message repeats. */
#define QUOTE_MAX_CHARS 40

G_DEFINE_QUARK (yusuan-amount-error-quark, yusuan_amount_error)

static YusuanAmount
fen_per_unit (YusuanDisplayUnit unit)
{
  return unit == YUSUAN_DISPLAY_WAN ? YUSUAN_FEN_PER_WAN : YUSUAN_FEN_PER_YUAN;
}

/* Decimals an input may carry and still be whole fen. */
static guint
max_decimals (YusuanDisplayUnit unit)
{
  return unit == YUSUAN_DISPLAY_WAN ? 6 : 2;
}

/* The magnitude of any gint64, G_MININT64 included. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

/* The value as the user typed it, for a message: valid UTF-8, trimmed, and
 * shortened so that a pasted page does not become the message. */
static char *
quote_value (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *stripped = g_strstrip (g_steal_pointer (&valid));

  if (g_utf8_strlen (stripped, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (stripped, 0, QUOTE_MAX_CHARS);
      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&stripped);
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r'
         || c == 0x00A0   /* no-break space, as spreadsheets paste it */
         || c == 0x202F   /* narrow no-break space */
         || c == 0x3000;  /* ideographic space */
}

/* Maps what a Chinese input method types for a number to ASCII: full-width
 * digits and punctuation, the ideographic full stop (what "." gives in
 * Chinese punctuation mode) and the minus sign.  Returns 0 for anything else. */
static char
normalise_char (gunichar c)
{
  if (c < 0x80)
    return (char) c;
  if (c >= 0xFF10 && c <= 0xFF19)
    return (char) ('0' + (c - 0xFF10));

  switch (c)
    {
    case 0xFF0E: /* ． */
    case 0x3002: /* 。 */
      return '.';
    case 0xFF0C: /* ， */
      return ',';
    case 0xFF0D: /* － */
    case 0x2212: /* − */
      return '-';
    case 0xFF0B: /* ＋ */
      return '+';
    default:
      return 0;
    }
}

/* ASCII form of @text without surrounding blanks, or NULL if it holds a
 * character no number can contain. */
static char *
normalise (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p;
  const char *end;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Trim blanks on both sides, Unicode-aware. */
  p = text;
  while (*p != '\0' && is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = p + strlen (p);
  while (end > p)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  for (; p < end; p = g_utf8_next_char (p))
    {
      char c = normalise_char (g_utf8_get_char (p));

      if (c == 0)
        return NULL;
      g_string_append_c (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Thousands separators are allowed only between groups of three digits, the
 * first group one to three digits not starting with 0: "1,234,567". */
static gboolean
grouping_is_valid (const char *digits,
                   gsize       length)
{
  gsize group = 0;
  gboolean first = TRUE;

  if (length == 0 || digits[0] == ',' || digits[0] == '0')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (digits[i] == ',')
        {
          if ((first && (group == 0 || group > 3)) || (!first && group != 3))
            return FALSE;
          first = FALSE;
          group = 0;
        }
      else
        group++;
    }

  return !first && group == 3;
}

static void
set_not_a_number (GError     **error,
                  const char  *quoted)
{
  g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER,
               _("“%s” is not an amount: enter digits with at most one decimal point, "
                 "such as 3337.84 or 3,337.84"),
               quoted);
}

gboolean
yusuan_amount_parse (const char              *text,
                     YusuanDisplayUnit        unit,
                     YusuanAmountParseFlags   flags,
                     YusuanAmount            *out_amount,
                     GError                 **error)
{
  g_autofree char *ascii = NULL;
  g_autofree char *quoted = NULL;
  const char *p;
  const char *int_start;
  gsize int_len;
  const char *frac_start = NULL;
  gsize frac_len = 0;
  gboolean negative = FALSE;
  gboolean has_sign = FALSE;
  gboolean has_comma = FALSE;
  guint64 int_part = 0;
  guint64 frac_part = 0;
  guint64 fen;
  guint significant = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unit == YUSUAN_DISPLAY_WAN || unit == YUSUAN_DISPLAY_YUAN, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  quoted = quote_value (text);
  ascii = normalise (text);

  if (ascii != NULL && ascii[0] == '\0')
    {
      g_set_error_literal (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_EMPTY,
                           _("No amount was given: enter a number such as 3337.84"));
      return FALSE;
    }
  if (ascii == NULL)
    {
      set_not_a_number (error, quoted);
      return FALSE;
    }

  p = ascii;
  if (*p == '-' || *p == '+')
    {
      has_sign = TRUE;
      negative = *p == '-';
      p++;
    }

  int_start = p;
  while (g_ascii_isdigit (*p) || *p == ',')
    {
      has_comma |= *p == ',';
      p++;
    }
  int_len = p - int_start;

  if (*p == '.')
    {
      p++;
      frac_start = p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_len = p - frac_start;
    }

  /* Leftovers ("1e5", "0x10", "1.2.3", "1 234"), or no digit at all ("-", "."). */
  if (*p != '\0' || (int_len == 0 && frac_len == 0))
    {
      set_not_a_number (error, quoted);
      return FALSE;
    }

  if (has_comma && !grouping_is_valid (int_start, int_len))
    {
      g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER,
                   _("“%s” has a thousands separator in the wrong place: separators go "
                     "between groups of three digits, such as 1,234,567.89, or leave them out"),
                   quoted);
      return FALSE;
    }

  if (has_sign && !(flags & YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE))
    {
      if (negative)
        g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_NEGATIVE,
                     _("“%s” is negative, but this amount cannot be: enter it without a minus sign"),
                     quoted);
      else
        g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_NEGATIVE,
                     _("“%s” has a sign, but this amount takes none: enter it without “+”"),
                     quoted);
      return FALSE;
    }

  /* Trailing zeros do not make a value finer than a fen: "1.230" yuan is whole fen. */
  while (frac_len > 0 && frac_start[frac_len - 1] == '0')
    frac_len--;
  if (frac_len > max_decimals (unit))
    {
      if (unit == YUSUAN_DISPLAY_WAN)
        g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_TOO_PRECISE,
                     _("“%s” has more than six decimals: in 10,000 yuan an amount is whole "
                       "fen only up to six decimals; enter at most six"),
                     quoted);
      else
        g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_TOO_PRECISE,
                     _("“%s” has more than two decimals: in yuan an amount is whole fen; "
                       "enter at most two decimals, such as 3337.84"),
                     quoted);
      return FALSE;
    }

  for (gsize i = 0; i < int_len; i++)
    {
      if (int_start[i] == ',')
        continue;
      if (significant == 0 && int_start[i] == '0')
        continue;
      /* 18 digits fit a guint64 with room to spare; more is past any limit. */
      if (++significant > 18)
        goto overflow;
      int_part = int_part * 10 + (guint64) (int_start[i] - '0');
    }

  for (guint i = 0; i < max_decimals (unit); i++)
    frac_part = frac_part * 10 + (guint64) (i < frac_len ? frac_start[i] - '0' : 0);

  if (int_part > (guint64) (YUSUAN_AMOUNT_MAX / fen_per_unit (unit)))
    goto overflow;
  fen = int_part * (guint64) fen_per_unit (unit) + frac_part;
  if (fen > (guint64) YUSUAN_AMOUNT_MAX)
    goto overflow;

  if (out_amount != NULL)
    *out_amount = negative ? -(YusuanAmount) fen : (YusuanAmount) fen;
  return TRUE;

overflow:
  if (unit == YUSUAN_DISPLAY_WAN)
    g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_OVERFLOW,
                 _("“%s” is too large: the largest amount is 99,999,999,999.999999 in 10,000 yuan"),
                 quoted);
  else
    g_set_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_OVERFLOW,
                 _("“%s” is too large: the largest amount is 999,999,999,999,999.99 yuan"),
                 quoted);
  return FALSE;
}

/* Hundredths of @unit as a magnitude, rounded half up (away from zero for
 * negative amounts, which is why the sign is handled by the callers). */
static guint64
round_magnitude (guint64           fen,
                 YusuanDisplayUnit unit)
{
  guint64 step = (guint64) (fen_per_unit (unit) / 100);

  if (step == 1)
    return fen;
  return fen / step + (fen % step >= step - fen % step ? 1 : 0);
}

gint64
yusuan_amount_round (YusuanAmount      amount,
                     YusuanDisplayUnit unit)
{
  guint64 rounded;

  g_return_val_if_fail (unit == YUSUAN_DISPLAY_WAN || unit == YUSUAN_DISPLAY_YUAN, 0);

  rounded = round_magnitude (magnitude (amount), unit);
  /* Only yuan of G_MININT64 itself has a magnitude past G_MAXINT64. */
  if (amount < 0)
    return rounded > (guint64) G_MAXINT64 ? G_MININT64 : -(gint64) rounded;
  return (gint64) rounded;
}

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[24];
  int length = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
yusuan_amount_format (YusuanAmount             amount,
                      YusuanDisplayUnit        unit,
                      YusuanAmountFormatFlags  flags)
{
  GString *out;
  guint64 hundredths;

  g_return_val_if_fail (unit == YUSUAN_DISPLAY_WAN || unit == YUSUAN_DISPLAY_YUAN, NULL);

  if (amount == 0 && (flags & YUSUAN_AMOUNT_FORMAT_BLANK_ZERO))
    return g_strdup ("");

  hundredths = round_magnitude (magnitude (amount), unit);
  out = g_string_sized_new (32);

  /* A negative amount that rounds to nothing shows as 0.00, not -0.00. */
  if (amount < 0 && hundredths != 0)
    g_string_append_c (out, '-');
  if (flags & YUSUAN_AMOUNT_FORMAT_GROUPED)
    append_grouped (out, hundredths / 100);
  else
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, hundredths / 100);
  g_string_append_printf (out, ".%02u", (guint) (hundredths % 100));

  return g_string_free (out, FALSE);
}

gsize
yusuan_amount_write_contract (YusuanAmount  amount,
                              char         *buffer)
{
  guint64 fen = magnitude (amount);
  guint64 yuan = fen / 100;
  char digits[24];
  char *first = digits + sizeof digits;
  char *p = buffer;
  gsize n;

  g_return_val_if_fail (buffer != NULL, 0);

  /* By hand: an export writes a hundred thousand of these. */
  do
    {
      *--first = (char) ('0' + yuan % 10);
      yuan /= 10;
    }
  while (yuan > 0);
  /* The contract has no negative amounts; writing the sign lets a check
   * name the fact instead of silently changing the figure. */
  if (amount < 0)
    *p++ = '-';
  n = (gsize) (digits + sizeof digits - first);
  memcpy (p, first, n);
  p += n;
  *p++ = '.';
  *p++ = (char) ('0' + fen % 100 / 10);
  *p++ = (char) ('0' + fen % 10);
  *p = '\0';
  return (gsize) (p - buffer);
}

char *
yusuan_amount_to_contract (YusuanAmount amount)
{
  char buffer[YUSUAN_AMOUNT_CONTRACT_SIZE];

  yusuan_amount_write_contract (amount, buffer);
  return g_strdup (buffer);
}

gboolean
yusuan_amount_from_contract (const char   *text,
                             YusuanAmount *out_amount)
{
  const char *p = text;
  guint64 value = 0;
  gsize digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The schema's pattern exactly: (0|[1-9][0-9]{0,14})\.[0-9]{2} */
  if (p[0] == '0' && p[1] != '.')
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      if (++digits > 15)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      p++;
    }
  if (digits == 0 || p[0] != '.' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    return FALSE;

  value = value * 100 + (guint64) ((p[1] - '0') * 10 + (p[2] - '0'));
  if (out_amount != NULL)
    *out_amount = (YusuanAmount) value;
  return TRUE;
}

gboolean
yusuan_amount_add_checked (YusuanAmount *sum,
                           YusuanAmount  delta)
{
  YusuanAmount result;

  g_return_val_if_fail (sum != NULL, FALSE);

  if (__builtin_add_overflow (*sum, delta, &result))
    return FALSE;
  *sum = result;
  return TRUE;
}

/* 64 × 64 → 128 bits, as (hi, lo). */
static void
multiply_u64 (guint64  a,
              guint64  b,
              guint64 *hi,
              guint64 *lo)
{
  guint64 a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32;
  guint64 b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
  guint64 ll = a_lo * b_lo;
  guint64 lh = a_lo * b_hi;
  guint64 hl = a_hi * b_lo;
  guint64 hh = a_hi * b_hi;
  guint64 middle = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);

  *lo = (middle << 32) | (ll & 0xFFFFFFFFu);
  *hi = hh + (lh >> 32) + (hl >> 32) + (middle >> 32);
}

/* (hi, lo) / divisor; FALSE if the quotient does not fit 64 bits. */
static gboolean
divide_u128 (guint64  hi,
             guint64  lo,
             guint64  divisor,
             guint64 *quotient,
             guint64 *remainder)
{
  guint64 q = 0;
  guint64 r = hi;

  g_assert (divisor != 0);

  if (hi >= divisor)
    return FALSE;

  /* Restoring division; r < divisor throughout, so 2r + bit needs 65 bits at
   * most and the carry stands for the 65th. */
  for (int bit = 63; bit >= 0; bit--)
    {
      gboolean carry = (r >> 63) != 0;

      r = (r << 1) | ((lo >> bit) & 1);
      q <<= 1;
      if (carry || r >= divisor)
        {
          r -= divisor;
          q |= 1;
        }
    }

  *quotient = q;
  *remainder = r;
  return TRUE;
}

gboolean
yusuan_amount_ratio_percent (YusuanAmount  part,
                             YusuanAmount  whole,
                             gint64       *out_hundredths)
{
  guint64 hi, lo, quotient, remainder;
  guint64 divisor = magnitude (whole);
  gboolean negative = (part < 0) != (whole < 0);

  g_return_val_if_fail (out_hundredths != NULL, FALSE);

  if (whole == 0)
    return FALSE;

  /* part × 10000 / whole, exactly, then rounded once half up. */
  multiply_u64 (magnitude (part), 10000, &hi, &lo);
  if (!divide_u128 (hi, lo, divisor, &quotient, &remainder)
      || quotient > (guint64) G_MAXINT64)
    return FALSE;
  if (remainder >= divisor - remainder)
    quotient++;
  /* Only a part some 10^14 times its whole gets here. */
  if (quotient > (guint64) G_MAXINT64)
    return FALSE;

  *out_hundredths = negative ? -(gint64) quotient : (gint64) quotient;
  return TRUE;
}

char *
yusuan_amount_format_ratio (YusuanAmount part,
                            YusuanAmount whole,
                            gboolean     explicit_plus)
{
  gint64 hundredths;
  const char *sign;

  if (!yusuan_amount_ratio_percent (part, whole, &hundredths))
    return NULL;
  sign = hundredths < 0 ? "−" : (hundredths > 0 && explicit_plus) ? "+" : "";
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d%%", sign,
                          ABS (hundredths) / 100, (int) (ABS (hundredths) % 100));
}
