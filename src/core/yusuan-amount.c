/* yusuan-amount.c - stub until implemented
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "yusuan-amount.h"
