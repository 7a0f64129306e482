/* yusuan-header-band.h - a table's grouped column headers, laid out over given column widths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-table.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_HEADER_BAND (yusuan_header_band_get_type ())
G_DECLARE_FINAL_TYPE (YusuanHeaderBand, yusuan_header_band, YUSUAN, HEADER_BAND, GtkWidget)

GtkWidget *yusuan_header_band_new        (void);
/* Shows the tree under @root (its children are the top level): a group spans
 * its leaves, a leaf reaches down to the last header row.  @widths[leaf] are
 * the column view's column widths so that both stay aligned. */
void       yusuan_header_band_set_header (YusuanHeaderBand   *self,
                                          const YusuanColumn *root,
                                          const int          *widths,
                                          guint               n_leaves);
/* The header cell of leaf column @leaf, or NULL. */
GtkWidget *yusuan_header_band_get_leaf_widget (YusuanHeaderBand *self,
                                               guint             leaf);

G_END_DECLS
