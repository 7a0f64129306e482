/* test-amount.c - exact money (parse, format, round, ratio) and the contract's enumerations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "yusuan-amount.h"
#include "yusuan-enums.h"

#define WAN YUSUAN_DISPLAY_WAN
#define YUAN YUSUAN_DISPLAY_YUAN
#define PLAIN YUSUAN_AMOUNT_FORMAT_PLAIN
#define GROUPED YUSUAN_AMOUNT_FORMAT_GROUPED
#define BLANK YUSUAN_AMOUNT_FORMAT_BLANK_ZERO
#define SIGNED YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE

/* The seed fixture's basic expenditure lines in fen (data/examples/sanmenxia-2023.xml). */
static const YusuanAmount seed_personnel[] = {
  410839100, 92049800, 651425500, 564055800, 5997000, 24763500, 1899400,
  385810000, 3036800, 32646700, 90641400, 14556200, 42799700, 21859000,
  8249500, 226039200, 2720400, 118585000, 196296700,
};
static const YusuanAmount seed_public[] = {
  1995800, 19444700, 21250000, 2001800, 1500000, 29997600, 7997700,
  34575900, 5003000,
};
/* The same lines summed per economic pair (table 06's rows). */
static const YusuanAmount seed_econ_pairs[] = {
  564055800, 425395300, 743475300, 24763500, 226039200, 118585000, 1899400,
  196296700, 5997000, 34575900, 2001800, 29997600, 7997700, 5003000, 1500000,
  19444700, 40896200, 92637200, 21250000, 42799700, 407669000, 2720400,
  3036800,
};

static void
assert_parses (const char        *text,
               YusuanDisplayUnit  unit,
               YusuanAmountParseFlags flags,
               YusuanAmount       expected)
{
  g_autoptr(GError) error = NULL;
  YusuanAmount amount = -12345;

  if (!yusuan_amount_parse (text, unit, flags, &amount, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, expected);
}

/* Refused with @code, *out untouched, and a message that names @named (the
 * value as the user will recognise it) unless @named is NULL. */
static void
assert_refused (const char        *text,
                YusuanDisplayUnit  unit,
                YusuanAmountParseFlags flags,
                YusuanAmountError  code,
                const char        *named)
{
  g_autoptr(GError) error = NULL;
  YusuanAmount amount = -12345;

  if (yusuan_amount_parse (text, unit, flags, &amount, &error))
    g_error ("“%s” was accepted as %" G_GINT64_FORMAT " fen", text, amount);
  g_assert_error (error, YUSUAN_AMOUNT_ERROR, (int) code);
  g_assert_cmpint (amount, ==, -12345);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (named != NULL && strstr (error->message, named) == NULL)
    g_error ("the message for “%s” does not name it: %s", text, error->message);
}

static void
assert_format (YusuanAmount             amount,
               YusuanDisplayUnit        unit,
               YusuanAmountFormatFlags  flags,
               const char              *expected)
{
  g_autofree char *text = yusuan_amount_format (amount, unit, flags);

  g_assert_cmpstr (text, ==, expected);
}

static YusuanAmount
sum (const YusuanAmount *amounts,
     gsize               n)
{
  YusuanAmount total = 0;

  for (gsize i = 0; i < n; i++)
    g_assert_true (yusuan_amount_add_checked (&total, amounts[i]));
  return total;
}

static void
test_parse_plain (void)
{
  assert_parses ("3337.84", WAN, 0, 3337840000);
  assert_parses ("3,337.84", WAN, 0, 3337840000);
  assert_parses ("3337.84", YUAN, 0, 333784);
  assert_parses ("33378400.00", YUAN, 0, 3337840000);
  assert_parses ("33,378,400.00", YUAN, 0, 3337840000);
  assert_parses ("0", YUAN, 0, 0);
  assert_parses ("0.00", WAN, 0, 0);
  assert_parses ("12", YUAN, 0, 1200);
  assert_parses ("12", WAN, 0, 12000000);
  assert_parses ("  12 ", YUAN, 0, 1200);
  assert_parses ("\t12\n", YUAN, 0, 1200);
  assert_parses ("0.01", YUAN, 0, 1);
  assert_parses ("0.000001", WAN, 0, 1);
  assert_parses ("24.6", WAN, 0, 24600000);
  assert_parses (".5", YUAN, 0, 50);
  assert_parses ("5.", YUAN, 0, 500);
  assert_parses ("007", YUAN, 0, 700);
  assert_parses ("1,000", YUAN, 0, 100000);
  assert_parses ("999", YUAN, 0, 99900);
  /* Trailing zeros do not make it finer than a fen. */
  assert_parses ("1.230", YUAN, 0, 123);
  assert_parses ("1.2300000", WAN, 0, 1230000);
}

static void
test_parse_full_width (void)
{
  /* What a Chinese input method types. */
  assert_parses ("３３３７．８４", YUAN, 0, 333784);
  assert_parses ("３，３３７．８４", WAN, 0, 3337840000);
  assert_parses ("3,337.84", WAN, 0, 3337840000);
  assert_parses ("3，337.84", WAN, 0, 3337840000);
  assert_parses ("3337。84", YUAN, 0, 333784);
  assert_parses ("\u3000１２\u3000", YUAN, 0, 1200);
  assert_parses ("\u00a012\u00a0", YUAN, 0, 1200);
  assert_parses ("－５", YUAN, SIGNED, -500);
  assert_parses ("\u22125", YUAN, SIGNED, -500);
  assert_parses ("＋５", YUAN, SIGNED, 500);
}

static void
test_parse_sign (void)
{
  assert_parses ("-5", YUAN, SIGNED, -500);
  assert_parses ("-3,337.84", WAN, SIGNED, -3337840000);
  assert_parses ("+5", YUAN, SIGNED, 500);
  assert_parses ("-0", YUAN, SIGNED, 0);
  assert_parses ("-999999999999999.99", YUAN, SIGNED, -YUSUAN_AMOUNT_MAX);

  assert_refused ("-5", YUAN, 0, YUSUAN_AMOUNT_ERROR_NEGATIVE, "-5");
  assert_refused ("-0.01", WAN, 0, YUSUAN_AMOUNT_ERROR_NEGATIVE, "-0.01");
  assert_refused ("+5", YUAN, 0, YUSUAN_AMOUNT_ERROR_NEGATIVE, "+5");
  assert_refused ("－５", YUAN, 0, YUSUAN_AMOUNT_ERROR_NEGATIVE, "－５");
  assert_refused ("--5", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "--5");
  assert_refused ("+-5", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "+-5");
  assert_refused ("5-", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "5-");
  assert_refused ("- 5", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "- 5");
  assert_refused ("-", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "-");
}

static void
test_parse_separators (void)
{
  const char *misplaced[] = {
    "12,,3", "1,23", ",123", "123,", "1234,567", "1,2345", "0,123",
    "1,234,56", "1,234.5,6", "1.234,56", ",", "1,,234",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (misplaced); i++)
    {
      assert_refused (misplaced[i], YUAN, 0, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, misplaced[i]);
      assert_refused (misplaced[i], WAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, misplaced[i]);
    }

  /* The message says what is wrong with the separators. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (yusuan_amount_parse ("1,23", YUAN, 0, NULL, &error));
    g_assert_nonnull (strstr (error->message, "separator"));
  }
}

static void
test_parse_precision (void)
{
  assert_refused ("1.234", YUAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "1.234");
  assert_refused ("3337.845", YUAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "3337.845");
  assert_refused ("0.001", YUAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "0.001");
  assert_refused ("0.0000001", WAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "0.0000001");
  assert_refused ("3337.8400001", WAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "3337.8400001");
  assert_refused ("-1.001", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, "-1.001");

  /* Six decimals of 万元 are whole fen, two of 元 are. */
  assert_parses ("1.234567", WAN, 0, 1234567);
  assert_parses ("1.23", YUAN, 0, 123);

  {
    g_autoptr(GError) yuan_error = NULL;
    g_autoptr(GError) wan_error = NULL;

    g_assert_false (yusuan_amount_parse ("1.234", YUAN, 0, NULL, &yuan_error));
    g_assert_nonnull (strstr (yuan_error->message, "two"));
    g_assert_false (yusuan_amount_parse ("1.2345678", WAN, 0, NULL, &wan_error));
    g_assert_nonnull (strstr (wan_error->message, "six"));
  }
}

static void
test_parse_overflow (void)
{
  assert_parses ("999999999999999.99", YUAN, 0, YUSUAN_AMOUNT_MAX);
  assert_parses ("999,999,999,999,999.99", YUAN, 0, YUSUAN_AMOUNT_MAX);
  assert_parses ("99999999999.999999", WAN, 0, YUSUAN_AMOUNT_MAX);
  assert_parses ("000000000000000000000000001.00", YUAN, 0, 100);

  assert_refused ("1000000000000000", YUAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, "1000000000000000");
  assert_refused ("1000000000000000.00", YUAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, NULL);
  assert_refused ("100000000000", WAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, "100000000000");
  assert_refused ("99999999999.999999", YUAN, 0, YUSUAN_AMOUNT_ERROR_TOO_PRECISE, NULL);
  assert_refused ("-1000000000000000", YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_OVERFLOW, "-1000000000000000");
  /* Past gint64 and past guint64: refused, not wrapped. */
  assert_refused ("92233720368547758.08", YUAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, NULL);
  assert_refused ("184467440737095516160", YUAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, NULL);
  assert_refused ("99999999999999999999999999999999999999", WAN, 0, YUSUAN_AMOUNT_ERROR_OVERFLOW, NULL);
}

static void
test_parse_text (void)
{
  const char *not_numbers[] = {
    "一百万", "abc", "1e5", "0x10", "1.2.3", "1 234", "12元", "¥12", "NaN", "inf",
    ".", "12a", "1_000", "١٢", "3337.84万元", "1/2", "(5)",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    assert_refused (not_numbers[i], YUAN, SIGNED, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, not_numbers[i]);

  assert_refused ("", YUAN, 0, YUSUAN_AMOUNT_ERROR_EMPTY, NULL);
  assert_refused ("   ", WAN, 0, YUSUAN_AMOUNT_ERROR_EMPTY, NULL);
  assert_refused ("\u3000", WAN, 0, YUSUAN_AMOUNT_ERROR_EMPTY, NULL);

  /* The value is named without the blanks around it. */
  assert_refused ("  abc  ", YUAN, 0, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "“abc”");

  /* Bytes that are not UTF-8: refused, and the message is still valid text. */
  assert_refused ("\xff" "12", YUAN, 0, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, "12");
  assert_refused ("1\xc3", YUAN, 0, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER, NULL);
}

static void
test_parse_long_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pasted = g_string_new ("1");

  /* A pasted page is refused and not repeated whole in the message. */
  for (int i = 0; i < 10000; i++)
    g_string_append (pasted, "x");
  g_assert_false (yusuan_amount_parse (pasted->str, YUAN, 0, NULL, &error));
  g_assert_error (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER);
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_assert_nonnull (strstr (error->message, "1xxxxxxxx"));
  g_assert_nonnull (strstr (error->message, "…"));
}

static void
test_format (void)
{
  /* The seed's total revenue: 33,378,372 yuan is 3,337.84 万元. */
  assert_format (3337837200, WAN, PLAIN, "3337.84");
  assert_format (3337837200, WAN, GROUPED, "3,337.84");
  assert_format (3337837200, YUAN, PLAIN, "33378372.00");
  assert_format (3337837200, YUAN, GROUPED, "33,378,372.00");

  assert_format (0, WAN, PLAIN, "0.00");
  assert_format (0, YUAN, GROUPED, "0.00");
  assert_format (0, WAN, BLANK, "");
  assert_format (0, YUAN, BLANK | GROUPED, "");
  /* Not zero, only small: it shows. */
  assert_format (1, WAN, BLANK, "0.00");
  assert_format (1, YUAN, BLANK, "0.01");

  assert_format (99999, YUAN, GROUPED, "999.99");
  assert_format (100000, YUAN, GROUPED, "1,000.00");
  assert_format (99999999, YUAN, GROUPED, "999,999.99");
  assert_format (YUSUAN_AMOUNT_MAX, YUAN, PLAIN, "999999999999999.99");
  assert_format (YUSUAN_AMOUNT_MAX, YUAN, GROUPED, "999,999,999,999,999.99");
  assert_format (YUSUAN_AMOUNT_MAX, WAN, GROUPED, "100,000,000,000.00");
  assert_format (-YUSUAN_AMOUNT_MAX, YUAN, GROUPED, "-999,999,999,999,999.99");
  assert_format (-333784, YUAN, GROUPED, "-3,337.84");
  assert_format (-2000000, WAN, PLAIN, "-2.00");

  /* Out of the contract's range, still no crash and no wrap. */
  assert_format (G_MININT64, YUAN, PLAIN, "-92233720368547758.08");
  assert_format (G_MAXINT64, YUAN, PLAIN, "92233720368547758.07");
  assert_format (G_MININT64, WAN, GROUPED, "-9,223,372,036,854.78");
}

static void
test_format_rounding (void)
{
  /* Half up, once, away from zero for negatives. */
  assert_format (5000, WAN, PLAIN, "0.01");
  assert_format (4999, WAN, PLAIN, "0.00");
  assert_format (15000, WAN, PLAIN, "0.02");
  assert_format (14999, WAN, PLAIN, "0.01");
  assert_format (-5000, WAN, PLAIN, "-0.01");
  assert_format (-15000, WAN, PLAIN, "-0.02");
  assert_format (-14999, WAN, PLAIN, "-0.01");
  /* A negative amount that rounds to nothing is not "-0.00". */
  assert_format (-4999, WAN, PLAIN, "0.00");
  assert_format (-1, WAN, BLANK, "0.00");
  assert_format (9999995000, WAN, GROUPED, "10,000.00");
  assert_format (9999994999, WAN, GROUPED, "9,999.99");
}

static void
test_round (void)
{
  g_assert_cmpint (yusuan_amount_round (3337837200, WAN), ==, 333784);
  g_assert_cmpint (yusuan_amount_round (3337837200, YUAN), ==, 3337837200);
  g_assert_cmpint (yusuan_amount_round (5000, WAN), ==, 1);
  g_assert_cmpint (yusuan_amount_round (4999, WAN), ==, 0);
  g_assert_cmpint (yusuan_amount_round (-5000, WAN), ==, -1);
  g_assert_cmpint (yusuan_amount_round (-4999, WAN), ==, 0);
  g_assert_cmpint (yusuan_amount_round (-15000, WAN), ==, -2);
  g_assert_cmpint (yusuan_amount_round (0, WAN), ==, 0);
  g_assert_cmpint (yusuan_amount_round (-7, YUAN), ==, -7);
  g_assert_cmpint (yusuan_amount_round (YUSUAN_AMOUNT_MAX, WAN), ==, 10000000000000);
  g_assert_cmpint (yusuan_amount_round (G_MININT64, YUAN), ==, G_MININT64);
  g_assert_cmpint (yusuan_amount_round (G_MININT64, WAN), ==, -922337203685478);
  g_assert_cmpint (yusuan_amount_round (G_MAXINT64, WAN), ==, 922337203685478);
}

/* The seed: a displayed figure is the exact sum rounded once, which is why
 * table 06's published rows add up to 3018.07 while its total says 3018.04. */
static void
test_seed_round_once (void)
{
  YusuanAmount personnel = sum (seed_personnel, G_N_ELEMENTS (seed_personnel));
  YusuanAmount public = sum (seed_public, G_N_ELEMENTS (seed_public));
  YusuanAmount basic = sum (seed_econ_pairs, G_N_ELEMENTS (seed_econ_pairs));
  gint64 rounded_rows = 0;
  g_autofree char *rows_text = NULL;

  g_assert_cmpint (personnel + public, ==, basic);
  assert_format (personnel, WAN, GROUPED, "2,894.27");
  assert_format (public, WAN, GROUPED, "123.77");
  assert_format (basic, WAN, GROUPED, "3,018.04");
  assert_format (basic, YUAN, PLAIN, "30180372.00");
  assert_format (564055800, WAN, PLAIN, "564.06");   /* 30101 基本工资 */
  assert_format (743475300, WAN, PLAIN, "743.48");   /* 30103 奖金 */
  assert_format (407669000, WAN, PLAIN, "407.67");   /* 30302 退休费 */

  /* What rounding cell by cell would have printed. */
  for (gsize i = 0; i < G_N_ELEMENTS (seed_econ_pairs); i++)
    rounded_rows += yusuan_amount_round (seed_econ_pairs[i], WAN);
  rows_text = yusuan_amount_format (rounded_rows * 10000, WAN, PLAIN);
  g_assert_cmpstr (rows_text, ==, "3018.07");
}

static void
assert_ratio (YusuanAmount part,
              YusuanAmount whole,
              gint64       expected)
{
  gint64 hundredths = G_MININT64;

  if (!yusuan_amount_ratio_percent (part, whole, &hundredths))
    g_error ("ratio %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT " refused", part, whole);
  g_assert_cmpint (hundredths, ==, expected);
}

static void
test_ratio (void)
{
  gint64 hundredths = 42;

  /* The seed: revenue 2,691.30 → 3,337.84 万元 is +24.02%; 三公 13.50 →
   * 11.50 is −14.81% (the published 14.80% is a rounding slip); 机关运行经费
   * 235.65 → 255.30 is +8.34%. */
  assert_ratio (3337837200 - 2691300000, 2691300000, 2402);
  assert_ratio (11500000 - 13500000, 13500000, -1481);
  assert_ratio (255304100 - 235650000, 235650000, 834);
  /* Shares. */
  assert_ratio (2894270700, 3018037200, 9590);   /* 人员经费 in basic */
  assert_ratio (1, 1, 10000);
  assert_ratio (0, 5, 0);
  assert_ratio (1, 3, 3333);
  assert_ratio (2, 3, 6667);
  assert_ratio (-2, 3, -6667);
  assert_ratio (2, -3, -6667);
  assert_ratio (-2, -3, 6667);

  /* Half up exactly at the half, away from zero. */
  assert_ratio (1, 20000, 1);
  assert_ratio (-1, 20000, -1);
  assert_ratio (1, 20001, 0);
  assert_ratio (3, 20000, 2);

  /* Up to YUSUAN_AMOUNT_MAX the products do not fit 64 bits; still exact. */
  assert_ratio (YUSUAN_AMOUNT_MAX, YUSUAN_AMOUNT_MAX, 10000);
  assert_ratio (-YUSUAN_AMOUNT_MAX, YUSUAN_AMOUNT_MAX, -10000);
  assert_ratio (YUSUAN_AMOUNT_MAX, YUSUAN_AMOUNT_MAX - 1, 10000);
  assert_ratio (YUSUAN_AMOUNT_MAX - 1, YUSUAN_AMOUNT_MAX, 10000);
  assert_ratio (1, YUSUAN_AMOUNT_MAX, 0);
  assert_ratio (YUSUAN_AMOUNT_MAX, 99999, 10000100001000010);
  assert_ratio (YUSUAN_AMOUNT_MAX, 1000000, 1000000000000000);
  assert_ratio (YUSUAN_AMOUNT_MAX, 1000001, 999999000001000);
  assert_ratio (YUSUAN_AMOUNT_MAX, 12345678, 81000006642001);
  assert_ratio (123456789012345, 7, 176366841446207143);
  assert_ratio (G_MININT64, G_MININT64, 10000);

  /* No ratio to nothing; a result past gint64 is refused, not wrapped. */
  g_assert_false (yusuan_amount_ratio_percent (5, 0, &hundredths));
  g_assert_false (yusuan_amount_ratio_percent (0, 0, &hundredths));
  g_assert_false (yusuan_amount_ratio_percent (YUSUAN_AMOUNT_MAX, 7, &hundredths));
  g_assert_false (yusuan_amount_ratio_percent (G_MAXINT64, 1, &hundredths));
  g_assert_cmpint (hundredths, ==, 42);
}

/* Against the obvious formula wherever it cannot overflow. */
static void
test_ratio_random (void)
{
  GRand *rand = g_rand_new_with_seed (20230101);

  for (int i = 0; i < 100000; i++)
    {
      gint64 part = g_rand_int_range (rand, -1000000, 1000000) * (gint64) g_rand_int_range (rand, 1, 1000000);
      gint64 whole = g_rand_int_range (rand, -1000000, 1000000) * (gint64) g_rand_int_range (rand, 1, 1000);
      guint64 n, d, q;
      gint64 expected;

      if (whole == 0)
        continue;
      n = (guint64) ABS (part) * 10000;
      d = (guint64) ABS (whole);
      q = n / d + (2 * (n % d) >= d ? 1 : 0);
      expected = ((part < 0) != (whole < 0)) ? -(gint64) q : (gint64) q;
      assert_ratio (part, whole, expected);
    }

  g_rand_free (rand);
}

static void
test_contract (void)
{
  struct { const char *text; YusuanAmount fen; } good[] = {
    { "5640600.00", 564060000 },
    { "33378372.00", 3337837200 },
    { "0.00", 0 },
    { "0.05", 5 },
    { "10.50", 1050 },
    { "999999999999999.99", YUSUAN_AMOUNT_MAX },
  };
  const char *bad[] = {
    "", "0", "1", "1.0", "1.000", "00.00", "01.00", "-1.00", "+1.00", " 1.00", "1.00 ",
    "1,000.00", "1000000000000000.00", ".50", "1.", "1.0a", "１.00", "1e3.00",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      YusuanAmount amount = -1;
      g_autofree char *text = yusuan_amount_to_contract (good[i].fen);

      g_assert_true (yusuan_amount_from_contract (good[i].text, &amount));
      g_assert_cmpint (amount, ==, good[i].fen);
      g_assert_cmpstr (text, ==, good[i].text);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      YusuanAmount amount = -1;

      if (yusuan_amount_from_contract (bad[i], &amount))
        g_error ("“%s” was accepted as a contract amount", bad[i]);
      g_assert_cmpint (amount, ==, -1);
    }
}

static void
test_contract_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (int i = 0; i < 10000; i++)
    {
      YusuanAmount amount = ((gint64) g_rand_int (rand) << 24 ^ g_rand_int (rand)) % (YUSUAN_AMOUNT_MAX + 1);
      YusuanAmount back = -1;
      g_autofree char *text = yusuan_amount_to_contract (amount);
      g_autofree char *yuan = yusuan_amount_format (amount, YUAN, GROUPED);
      YusuanAmount parsed = -1;

      g_assert_true (yusuan_amount_from_contract (text, &back));
      g_assert_cmpint (back, ==, amount);
      /* What the user sees parses back to the same amount. */
      assert_parses (yuan, YUAN, 0, amount);
      g_assert_true (yusuan_amount_parse (text, YUAN, 0, &parsed, NULL));
      g_assert_cmpint (parsed, ==, amount);
    }

  g_rand_free (rand);
}

/* The contract's form written in place is the formatter's, to the last
 * amount a gint64 holds, signs included. */
static void
test_contract_write (void)
{
  const YusuanAmount edges[] = { 0, 1, 9, 10, 99, 100, 101, 564060000, YUSUAN_AMOUNT_MAX, YUSUAN_AMOUNT_MAX + 1,
                                 -1, -100, -YUSUAN_AMOUNT_MAX, G_MAXINT64, G_MININT64, G_MININT64 + 1 };
  GRand *rand = g_rand_new_with_seed (7);

  for (gsize i = 0; i < G_N_ELEMENTS (edges) + 10000; i++)
    {
      YusuanAmount amount = i < G_N_ELEMENTS (edges) ? edges[i]
                            : (YusuanAmount) ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 63);
      g_autofree char *expected = yusuan_amount_format (amount, YUAN, 0);
      char buffer[YUSUAN_AMOUNT_CONTRACT_SIZE + 8];
      gsize length;

      memset (buffer, 'x', sizeof buffer);
      length = yusuan_amount_write_contract (amount, buffer);
      g_assert_cmpstr (buffer, ==, expected);
      g_assert_cmpuint (length, ==, strlen (expected));
      g_assert_cmpuint (length, <, YUSUAN_AMOUNT_CONTRACT_SIZE);
    }
  g_rand_free (rand);
}

static void
test_add_checked (void)
{
  YusuanAmount total = 5;

  g_assert_true (yusuan_amount_add_checked (&total, 7));
  g_assert_cmpint (total, ==, 12);
  g_assert_true (yusuan_amount_add_checked (&total, -20));
  g_assert_cmpint (total, ==, -8);

  total = G_MAXINT64;
  g_assert_false (yusuan_amount_add_checked (&total, 1));
  g_assert_cmpint (total, ==, G_MAXINT64);
  total = G_MININT64;
  g_assert_false (yusuan_amount_add_checked (&total, -1));
  g_assert_cmpint (total, ==, G_MININT64);
  g_assert_true (yusuan_amount_add_checked (&total, G_MAXINT64));
  g_assert_cmpint (total, ==, -1);
}

/* Every value an enumeration of the XSD lists, read from the schema the
 * project ships, so that a token spelled differently from the contract fails. */
static GPtrArray *
xsd_enumeration (const char *type_name)
{
  const char *root = g_getenv ("YUSUAN_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autofree char *xsd = NULL;
  g_autofree char *start_tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *start;
  const char *end;

  if (root == NULL)
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "budget-1.xsd", NULL);
  else
    path = g_build_filename (root, "data", "budget-1.xsd", NULL);
  g_file_get_contents (path, &xsd, NULL, &error);
  g_assert_no_error (error);

  start_tag = g_strdup_printf ("<xs:simpleType name=\"%s\">", type_name);
  start = strstr (xsd, start_tag);
  g_assert_nonnull (start);
  end = strstr (start, "</xs:simpleType>");
  g_assert_nonnull (end);

  regex = g_regex_new ("<xs:enumeration value=\"([^\"]+)\"", 0, 0, &error);
  g_assert_no_error (error);
  g_regex_match_full (regex, start, end - start, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (values, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }

  g_assert_cmpuint (values->len, >, 0);
  return values;
}

#define ASSERT_TOKENS_MATCH_XSD(xsd_type, prefix, Type, N)                      \
  G_STMT_START {                                                                \
    g_autoptr(GPtrArray) values = xsd_enumeration (xsd_type);                   \
    g_assert_cmpuint (values->len, ==, (N));                                    \
    for (guint i = 0; i < values->len; i++)                                     \
      {                                                                         \
        Type value;                                                             \
        g_assert_true (prefix##_from_token (values->pdata[i], &value));         \
        g_assert_cmpuint (value, ==, i);                                        \
        g_assert_cmpstr (prefix##_to_token (value), ==, values->pdata[i]);      \
      }                                                                         \
  } G_STMT_END

static void
test_enums_tokens (void)
{
  ASSERT_TOKENS_MATCH_XSD ("Stage", yusuan_stage, YusuanStage, YUSUAN_N_STAGES);
  ASSERT_TOKENS_MATCH_XSD ("UnitKind", yusuan_unit_kind, YusuanUnitKind, YUSUAN_N_UNIT_KINDS);
  ASSERT_TOKENS_MATCH_XSD ("Fund", yusuan_fund, YusuanFund, YUSUAN_N_FUNDS);
  ASSERT_TOKENS_MATCH_XSD ("BasicCategory", yusuan_category, YusuanCategory, YUSUAN_N_CATEGORIES);
  ASSERT_TOKENS_MATCH_XSD ("ProjectKind", yusuan_project_kind, YusuanProjectKind, YUSUAN_N_PROJECT_KINDS);
  ASSERT_TOKENS_MATCH_XSD ("ProjectLevel1", yusuan_level1, YusuanLevel1, YUSUAN_LEVEL1_INPUT_MANAGEMENT);
  ASSERT_TOKENS_MATCH_XSD ("Operator", yusuan_operator, YusuanOperator, YUSUAN_N_OPERATORS);
  ASSERT_TOKENS_MATCH_XSD ("ProcurementCategory", yusuan_procurement_category,
                           YusuanProcurementCategory, YUSUAN_N_PROCUREMENT_CATEGORIES);
  ASSERT_TOKENS_MATCH_XSD ("PriorYearKey", yusuan_prior_key, YusuanPriorKey, YUSUAN_N_PRIOR_KEYS);

  /* The department's level-1 groups share tokens with the project's. */
  {
    g_autoptr(GPtrArray) values = xsd_enumeration ("DepartmentLevel1");

    for (guint i = 0; i < values->len; i++)
      g_assert_true (yusuan_level1_from_token (values->pdata[i], NULL));
  }
  g_assert_cmpstr (yusuan_level1_to_token (YUSUAN_LEVEL1_INPUT_MANAGEMENT), ==, "input-management");
}

static void
test_enums_refused (void)
{
  YusuanFund fund = YUSUAN_FUND_OTHER_INCOME;
  YusuanStage stage = YUSUAN_STAGE_ADJUSTED;

  g_assert_false (yusuan_fund_from_token ("General-Public-Budget", &fund));
  g_assert_false (yusuan_fund_from_token ("general-public-budget ", &fund));
  g_assert_false (yusuan_fund_from_token ("", &fund));
  g_assert_false (yusuan_fund_from_token (NULL, &fund));
  g_assert_false (yusuan_fund_from_token ("一般公共预算", &fund));
  g_assert_cmpint (fund, ==, YUSUAN_FUND_OTHER_INCOME);
  g_assert_false (yusuan_stage_from_token ("approve", &stage));
  g_assert_cmpint (stage, ==, YUSUAN_STAGE_ADJUSTED);
  g_assert_false (yusuan_operator_from_token ("≥", NULL));
}

static void
test_enums_funds (void)
{
  for (YusuanFund f = 0; f < YUSUAN_N_FUNDS; f++)
    {
      const char *token = yusuan_fund_to_token (f);
      gboolean carryover = g_str_has_prefix (token, "carryover-");
      YusuanFund base = yusuan_fund_base (f);

      g_assert_cmpint (yusuan_fund_is_carryover (f), ==, carryover);
      /* A carry-over fund's base is the fund its token names. */
      if (carryover && f != YUSUAN_FUND_CARRYOVER_UNIT_FUNDS)
        g_assert_cmpstr (yusuan_fund_to_token (base), ==, token + strlen ("carryover-"));
      else
        g_assert_cmpint (base, ==, f);
    }

  /* 财政拨款 */
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_GENERAL_PUBLIC_BUDGET));
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_GOVERNMENT_FUND));
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_STATE_CAPITAL));
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_CARRYOVER_GENERAL_PUBLIC_BUDGET));
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_CARRYOVER_GOVERNMENT_FUND));
  g_assert_true (yusuan_fund_is_appropriation (YUSUAN_FUND_CARRYOVER_STATE_CAPITAL));
  g_assert_false (yusuan_fund_is_appropriation (YUSUAN_FUND_FISCAL_SPECIAL_ACCOUNT));
  g_assert_false (yusuan_fund_is_appropriation (YUSUAN_FUND_CARRYOVER_FISCAL_SPECIAL_ACCOUNT));
  g_assert_false (yusuan_fund_is_appropriation (YUSUAN_FUND_INSTITUTION_INCOME));
  g_assert_false (yusuan_fund_is_appropriation (YUSUAN_FUND_OTHER_INCOME));
  g_assert_false (yusuan_fund_is_appropriation (YUSUAN_FUND_CARRYOVER_UNIT_FUNDS));
  g_assert_cmpint (yusuan_fund_base (YUSUAN_FUND_CARRYOVER_UNIT_FUNDS), ==, YUSUAN_FUND_CARRYOVER_UNIT_FUNDS);
  g_assert_cmpint (yusuan_fund_base (YUSUAN_FUND_CARRYOVER_STATE_CAPITAL), ==, YUSUAN_FUND_STATE_CAPITAL);
}

static void
test_enums_operators (void)
{
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_GE), ==, "≥");
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_GT), ==, ">");
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_LE), ==, "≤");
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_LT), ==, "<");
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_EQ), ==, "");
  g_assert_cmpstr (yusuan_operator_symbol (YUSUAN_OPERATOR_QUALITATIVE), ==, "");
  for (YusuanOperator o = 0; o < YUSUAN_OPERATOR_QUALITATIVE; o++)
    g_assert_true (yusuan_operator_needs_value (o));
  g_assert_false (yusuan_operator_needs_value (YUSUAN_OPERATOR_QUALITATIVE));
}

static void
test_enums_three_public (void)
{
  const char *tokens[] = { "outbound-travel", "vehicle-purchase", "vehicle-operation", "official-reception" };
  const char *codes[] = { "30212", "31013", "30231", "30217" };
  YusuanPriorKey key;

  for (YusuanThreePublic t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
    {
      g_assert_cmpstr (yusuan_three_public_to_token (t), ==, tokens[t]);
      g_assert_cmpstr (yusuan_three_public_econ_code (t), ==, codes[t]);
      /* The prior year's figure for it has the same token. */
      g_assert_true (yusuan_prior_key_from_token (tokens[t], &key));
    }
}

static void
test_enums_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every label exists and no two funds read alike in a column header. */
  for (YusuanFund f = 0; f < YUSUAN_N_FUNDS; f++)
    {
      const char *label = yusuan_fund_label (f);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }
  for (YusuanStage s = 0; s < YUSUAN_N_STAGES; s++)
    g_assert_cmpstr (yusuan_stage_label (s), !=, "");
  for (YusuanUnitKind k = 0; k < YUSUAN_N_UNIT_KINDS; k++)
    g_assert_cmpstr (yusuan_unit_kind_label (k), !=, "");
  for (YusuanCategory c = 0; c < YUSUAN_N_CATEGORIES; c++)
    g_assert_cmpstr (yusuan_category_label (c), !=, "");
  for (YusuanProjectKind k = 0; k < YUSUAN_N_PROJECT_KINDS; k++)
    g_assert_cmpstr (yusuan_project_kind_label (k), !=, "");
  for (YusuanLevel1 l = 0; l < YUSUAN_N_LEVEL1; l++)
    g_assert_cmpstr (yusuan_level1_label (l), !=, "");
  for (YusuanProcurementCategory c = 0; c < YUSUAN_N_PROCUREMENT_CATEGORIES; c++)
    g_assert_cmpstr (yusuan_procurement_category_label (c), !=, "");
  for (YusuanThreePublic t = 0; t < YUSUAN_N_THREE_PUBLIC; t++)
    g_assert_cmpstr (yusuan_three_public_label (t), !=, "");
}

static void
test_format_ratio (void)
{
  g_autofree char *growth = yusuan_amount_format_ratio (646537200, 2691300000, FALSE);
  g_autofree char *signed_growth = yusuan_amount_format_ratio (646537200, 2691300000, TRUE);
  g_autofree char *fall = yusuan_amount_format_ratio (-2000000, 13500000, TRUE);
  g_autofree char *flat = yusuan_amount_format_ratio (0, 13500000, TRUE);

  g_assert_cmpstr (growth, ==, "24.02%");
  g_assert_cmpstr (signed_growth, ==, "+24.02%");
  g_assert_cmpstr (fall, ==, "−14.81%");
  g_assert_cmpstr (flat, ==, "0.00%");
  g_assert_null (yusuan_amount_format_ratio (1, 0, FALSE));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/amount/parse/plain", test_parse_plain);
  g_test_add_func ("/core/amount/parse/full-width", test_parse_full_width);
  g_test_add_func ("/core/amount/parse/sign", test_parse_sign);
  g_test_add_func ("/core/amount/parse/separators", test_parse_separators);
  g_test_add_func ("/core/amount/parse/precision", test_parse_precision);
  g_test_add_func ("/core/amount/parse/overflow", test_parse_overflow);
  g_test_add_func ("/core/amount/parse/text", test_parse_text);
  g_test_add_func ("/core/amount/parse/long-value", test_parse_long_value);
  g_test_add_func ("/core/amount/format", test_format);
  g_test_add_func ("/core/amount/format/rounding", test_format_rounding);
  g_test_add_func ("/core/amount/round", test_round);
  g_test_add_func ("/core/amount/seed-round-once", test_seed_round_once);
  g_test_add_func ("/core/amount/ratio", test_ratio);
  g_test_add_func ("/core/amount/ratio/random", test_ratio_random);
  g_test_add_func ("/core/amount/contract", test_contract);
  g_test_add_func ("/core/amount/contract/round-trip", test_contract_round_trip);
  g_test_add_func ("/core/amount/contract/write", test_contract_write);
  g_test_add_func ("/core/amount/add-checked", test_add_checked);
  g_test_add_func ("/core/enums/tokens", test_enums_tokens);
  g_test_add_func ("/core/enums/refused", test_enums_refused);
  g_test_add_func ("/core/enums/funds", test_enums_funds);
  g_test_add_func ("/core/amount/format-ratio", test_format_ratio);
  g_test_add_func ("/core/enums/operators", test_enums_operators);
  g_test_add_func ("/core/enums/three-public", test_enums_three_public);
  g_test_add_func ("/core/enums/labels", test_enums_labels);

  return g_test_run ();
}
