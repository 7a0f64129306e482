/* fuzz-amount.c - fuzz target: amounts typed in 元 and 万元 must format and re-parse to themselves
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "yusuan-amount.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_setup ();
  return 0;
}

static YusuanAmount
reparse (const char              *text,
         YusuanDisplayUnit        unit,
         YusuanAmountParseFlags   flags)
{
  g_autoptr(GError) error = NULL;
  YusuanAmount amount = 0;

  FUZZ_ASSERT (yusuan_amount_parse (text, unit, flags, &amount, &error),
               "what we formatted (“%s”) does not parse: %s", text, error->message);
  return amount;
}

static void
check_round_trip (YusuanAmount amount)
{
  const YusuanAmountParseFlags neg = YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE;
  YusuanAmount contract = 0;

  /* 元 keeps every fen. */
  {
    g_autofree char *plain = yusuan_amount_format (amount, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_PLAIN);
    g_autofree char *grouped = yusuan_amount_format (amount, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
    g_autofree char *blank = yusuan_amount_format (amount, YUSUAN_DISPLAY_YUAN, YUSUAN_AMOUNT_FORMAT_BLANK_ZERO);

    FUZZ_ASSERT (reparse (plain, YUSUAN_DISPLAY_YUAN, neg) == amount,
                 "%" G_GINT64_FORMAT " fen formats as “%s” in 元", amount, plain);
    FUZZ_ASSERT (reparse (grouped, YUSUAN_DISPLAY_YUAN, neg) == amount,
                 "%" G_GINT64_FORMAT " fen formats as “%s” grouped in 元", amount, grouped);
    FUZZ_ASSERT ((amount == 0) == (*blank == '\0'), "blank zero: “%s”", blank);
  }

  /* The contract's form, for what the contract allows. */
  if (amount >= 0)
    {
      g_autofree char *text = yusuan_amount_to_contract (amount);

      FUZZ_ASSERT (yusuan_amount_from_contract (text, &contract) && contract == amount,
                   "%" G_GINT64_FORMAT " fen → contract “%s” does not come back", amount, text);
    }

  /* 万元 rounds half up once to hundredths of 万元 (100 元). */
  {
    g_autofree char *plain = yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_PLAIN);
    g_autofree char *grouped = yusuan_amount_format (amount, YUSUAN_DISPLAY_WAN, YUSUAN_AMOUNT_FORMAT_GROUPED);
    gint64 hundredths = yusuan_amount_round (amount, YUSUAN_DISPLAY_WAN);
    YusuanAmount rounded, diff;

    /* Within 50 元 of the limit, the rounded figure is past it: it is shown,
     * but typing it back is refused as too large, which is right. */
    if (hundredths > YUSUAN_AMOUNT_MAX / (YUSUAN_FEN_PER_WAN / 100)
        || hundredths < -(YUSUAN_AMOUNT_MAX / (YUSUAN_FEN_PER_WAN / 100)))
      {
        g_autoptr(GError) error = NULL;
        YusuanAmount ignored = 0;

        FUZZ_ASSERT (!yusuan_amount_parse (plain, YUSUAN_DISPLAY_WAN, neg, &ignored, &error)
                     && g_error_matches (error, YUSUAN_AMOUNT_ERROR, YUSUAN_AMOUNT_ERROR_OVERFLOW),
                     "“%s” 万元 is past the limit but parses", plain);
        return;
      }
    rounded = reparse (plain, YUSUAN_DISPLAY_WAN, neg);
    diff = rounded - amount;

    FUZZ_ASSERT (rounded == hundredths * (YUSUAN_FEN_PER_WAN / 100),
                 "%" G_GINT64_FORMAT " fen formats as “%s” 万元 but rounds to %" G_GINT64_FORMAT,
                 amount, plain, hundredths);
    FUZZ_ASSERT (reparse (grouped, YUSUAN_DISPLAY_WAN, neg) == rounded,
                 "grouped “%s” and plain “%s” differ", grouped, plain);
    /* Half up, away from zero: within half a hundredth, ties away from zero. */
    FUZZ_ASSERT (diff <= 5000 && diff >= -5000, "“%s” is not %" G_GINT64_FORMAT " fen rounded", plain, amount);
    if (diff == 5000)
      FUZZ_ASSERT (amount > 0, "a tie rounded toward zero: %" G_GINT64_FORMAT " → “%s”", amount, plain);
    if (diff == -5000)
      FUZZ_ASSERT (amount < 0, "a tie rounded toward zero: %" G_GINT64_FORMAT " → “%s”", amount, plain);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  YusuanDisplayUnit unit;
  YusuanAmountParseFlags flags;
  YusuanAmount amount = 0, contract = 0;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;
  fuzz_setup ();

  /* The first byte picks the unit and whether a sign is allowed. */
  unit = (data[0] & 1) ? YUSUAN_DISPLAY_WAN : YUSUAN_DISPLAY_YUAN;
  flags = (data[0] & 2) ? YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE : 0;
  text = g_strndup ((const char *) data + 1, size - 1);

  if (yusuan_amount_parse (text, unit, flags, &amount, &error))
    {
      FUZZ_ASSERT (error == NULL, "no error on success");
      FUZZ_ASSERT (amount <= YUSUAN_AMOUNT_MAX && amount >= -YUSUAN_AMOUNT_MAX,
                   "“%s” gives %" G_GINT64_FORMAT ", past the limit", text, amount);
      FUZZ_ASSERT (amount >= 0 || (flags & YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE),
                   "“%s” is negative without leave", text);
      check_round_trip (amount);
    }
  else
    {
      FUZZ_ASSERT (error != NULL && g_utf8_validate (error->message, -1, NULL),
                   "a refused amount says why, in UTF-8");
    }

  /* The contract parser alone: what it accepts prints back the same way. */
  if (yusuan_amount_from_contract (text, &contract))
    {
      g_autofree char *back = yusuan_amount_to_contract (contract);

      FUZZ_ASSERT (contract >= 0 && contract <= YUSUAN_AMOUNT_MAX,
                   "contract “%s” gives %" G_GINT64_FORMAT, text, contract);
      FUZZ_ASSERT (strcmp (back, text) == 0, "contract “%s” prints back as “%s”", text, back);
    }

  /* Any fen value at all (from eight bytes) formats without harm. */
  if (size >= 9)
    {
      guint64 raw;

      memcpy (&raw, data + 1, 8);
      amount = (YusuanAmount) (raw % (2 * (guint64) YUSUAN_AMOUNT_MAX + 1)) - YUSUAN_AMOUNT_MAX;
      check_round_trip (amount);
    }
  return 0;
}
