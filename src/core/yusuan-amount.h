/* yusuan-amount.h - exact money: gint64 fen, parsed and formatted in 元 and 万元
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An amount in fen (分): 1 元 = 100, 1 万元 = 1 000 000. Never a double. */
typedef gint64 YusuanAmount;

#define YUSUAN_FEN_PER_YUAN ((YusuanAmount) 100)
#define YUSUAN_FEN_PER_WAN  ((YusuanAmount) 1000000)
/* The contract allows 15 integer digits of yuan: the largest amount we accept. */
#define YUSUAN_AMOUNT_MAX   ((YusuanAmount) 99999999999999999)

typedef enum
{
  YUSUAN_DISPLAY_WAN,   /* 万元, two decimals (the published tables) */
  YUSUAN_DISPLAY_YUAN,  /* 元, two decimals */
} YusuanDisplayUnit;

typedef enum
{
  YUSUAN_AMOUNT_FORMAT_PLAIN     = 0,       /* "3337.84" */
  YUSUAN_AMOUNT_FORMAT_GROUPED   = 1 << 0,  /* "3,337.84" */
  YUSUAN_AMOUNT_FORMAT_BLANK_ZERO = 1 << 1, /* zero becomes "" (as the seed leaves empty cells) */
} YusuanAmountFormatFlags;

typedef enum
{
  YUSUAN_AMOUNT_PARSE_ALLOW_NEGATIVE = 1 << 0,
} YusuanAmountParseFlags;

#define YUSUAN_AMOUNT_ERROR (yusuan_amount_error_quark ())

typedef enum
{
  YUSUAN_AMOUNT_ERROR_EMPTY,
  YUSUAN_AMOUNT_ERROR_NOT_A_NUMBER,
  YUSUAN_AMOUNT_ERROR_TOO_PRECISE,
  YUSUAN_AMOUNT_ERROR_NEGATIVE,
  YUSUAN_AMOUNT_ERROR_OVERFLOW,
} YusuanAmountError;

GQuark        yusuan_amount_error_quark   (void);

/* Parses "3,337.84", "3337.84", "33378400.00", "  12 " in @unit.  Refuses text,
 * misplaced separators ("12,,3"), more decimals than whole fen allow (two in
 * 元, six in 万元), signs unless allowed, and overflow; the message names the value. */
gboolean      yusuan_amount_parse         (const char              *text,
                                           YusuanDisplayUnit        unit,
                                           YusuanAmountParseFlags   flags,
                                           YusuanAmount            *out_amount,
                                           GError                 **error);

/* Rounds half up (away from zero) once to two decimals of @unit. */
char         *yusuan_amount_format        (YusuanAmount             amount,
                                           YusuanDisplayUnit        unit,
                                           YusuanAmountFormatFlags  flags);

/* The contract's form: yuan with exactly two decimals, "5640600.00". */
char         *yusuan_amount_to_contract   (YusuanAmount             amount);
/* Room for any amount in the contract's form, sign and NUL included. */
#define YUSUAN_AMOUNT_CONTRACT_SIZE 24
/* The same form written into @buffer (YUSUAN_AMOUNT_CONTRACT_SIZE bytes) and
 * NUL-terminated, without allocating: returns its length. */
gsize         yusuan_amount_write_contract (YusuanAmount            amount,
                                            char                   *buffer);
gboolean      yusuan_amount_from_contract (const char              *text,
                                           YusuanAmount            *out_amount);

/* Adds with overflow detection; returns FALSE (and leaves *sum alone) on overflow. */
gboolean      yusuan_amount_add_checked   (YusuanAmount            *sum,
                                           YusuanAmount             delta);

/* Rounds @amount (fen) half up to a whole number of hundredths of @unit; the
 * value returned is in hundredths of @unit (万元 cents or 元 cents). */
gint64        yusuan_amount_round         (YusuanAmount             amount,
                                           YusuanDisplayUnit        unit);

/* Percent change or share with two decimals, from exact sums, rounded once
 * half up: returns hundredths of a percent (2402 = 24.02%).  FALSE if @whole is 0. */
gboolean      yusuan_amount_ratio_percent (YusuanAmount             part,
                                           YusuanAmount             whole,
                                           gint64                  *out_hundredths);

/* The same ratio as text, "24.02%", "−14.81%" (and "+24.02%" with
 * @explicit_plus); NULL if @whole is 0. */
char         *yusuan_amount_format_ratio  (YusuanAmount             part,
                                           YusuanAmount             whole,
                                           gboolean                 explicit_plus);

G_END_DECLS
