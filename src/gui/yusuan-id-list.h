/* yusuan-id-list.h - a searchable column view of document objects named by id, its cells filled by the page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One object of a list: the document owns the object, the item only names
 * it, so that an edit never has to touch the list. */
#define YUSUAN_TYPE_ID_ITEM (yusuan_id_item_get_type ())
G_DECLARE_FINAL_TYPE (YusuanIdItem, yusuan_id_item, YUSUAN, ID_ITEM, GObject)

YusuanIdItem *yusuan_id_item_new    (guint         id);
guint         yusuan_id_item_get_id (YusuanIdItem *self);

/* Makes the child of a cell of @column. */
typedef void (*YusuanIdListSetupFunc) (GtkListItem *list_item,
                                       guint        column);
/* Fills the child of a cell of @column from the object its item names. */
typedef void (*YusuanIdListBindFunc)  (gpointer     page,
                                       GtkListItem *list_item,
                                       guint        column);

/* Held in the page's struct: the page reads the models, and its filter reads
 * @search. */
typedef struct
{
  GListStore            *store;      /* YusuanIdItem */
  GtkCustomFilter       *filter;
  GtkFilterListModel    *filtered;
  GListModel            *listed;     /* what the view lists: @filtered, sorted when sortable */
  GtkSingleSelection    *selection;
  char                  *search;     /* trimmed and case-folded; NULL lists all */
  gboolean               setting_search;  /* the entry's text is being set, not typed */

  /* private */
  gpointer               page;
  GtkColumnView         *view;
  YusuanIdListSetupFunc  setup;
  YusuanIdListBindFunc   bind;
  GHashTable            *bound;      /* GtkListItem* → its column + 1 */
} YusuanIdList;

/* Lists in @column_view what passes @filter_func (called with @page);
 * @sortable, by the columns the user clicks. */
void                 yusuan_id_list_init       (YusuanIdList          *list,
                                                gpointer               page,
                                                GtkWidget             *column_view,
                                                GtkCustomFilterFunc    filter_func,
                                                gboolean               sortable,
                                                YusuanIdListSetupFunc  setup,
                                                YusuanIdListBindFunc   bind);
/* Drops the models and what the page connected to them: for dispose,
 * after the template. */
void                 yusuan_id_list_clear      (YusuanIdList          *list);
/* A resizable column whose cells come from the setup and bind functions;
 * the column view holds it. */
GtkColumnViewColumn *yusuan_id_list_add_column (YusuanIdList          *list,
                                                guint                  column,
                                                const char            *title,
                                                gboolean               expand,
                                                int                    fixed_width);
/* Lists @items (YusuanIdItem*) in place of what was listed. */
void                 yusuan_id_list_set_items  (YusuanIdList          *list,
                                                GPtrArray             *items);
/* Fills again the cells on screen of the object @id, or of all when 0. */
void                 yusuan_id_list_rebind     (YusuanIdList          *list,
                                                guint                  id);
/* The id of the object listed at @position, 0 past the end. */
guint                yusuan_id_list_get_id     (YusuanIdList          *list,
                                                guint                  position);
/* Shows @text in @search_entry and filters by it. */
void                 yusuan_id_list_set_search (YusuanIdList          *list,
                                                GtkWidget             *search_entry,
                                                const char            *text);

G_END_DECLS
