/* yusuan-editor-page.c - what the window asks of a page that edits the document outside the tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-editor-dialog.h"
#include "yusuan-editor-page.h"

G_DEFINE_INTERFACE (YusuanEditorPage, yusuan_editor_page, GTK_TYPE_WIDGET)

static void
yusuan_editor_page_default_init (YusuanEditorPageInterface *iface)
{
}

void
yusuan_editor_page_set_document (YusuanEditorPage *self,
                                 YusuanDocument   *document,
                                 YusuanCatalog    *catalog,
                                 YusuanChecker    *checker,
                                 gboolean          read_only)
{
  g_return_if_fail (YUSUAN_IS_EDITOR_PAGE (self));
  g_return_if_fail (document == NULL || YUSUAN_IS_DOCUMENT (document));
  g_return_if_fail (checker == NULL || YUSUAN_IS_CHECKER (checker));

  YUSUAN_EDITOR_PAGE_GET_IFACE (self)->set_document (self, document, catalog, checker, read_only);
}

void
yusuan_editor_page_set_display_unit (YusuanEditorPage  *self,
                                     YusuanDisplayUnit  unit)
{
  YusuanEditorPageInterface *iface;

  g_return_if_fail (YUSUAN_IS_EDITOR_PAGE (self));

  iface = YUSUAN_EDITOR_PAGE_GET_IFACE (self);
  if (iface->set_display_unit != NULL)
    iface->set_display_unit (self, unit);
}

gboolean
yusuan_editor_page_may_show_finding (YusuanEditorPage    *self,
                                     const YusuanFinding *finding)
{
  YusuanEditorPageInterface *iface;

  g_return_val_if_fail (YUSUAN_IS_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  iface = YUSUAN_EDITOR_PAGE_GET_IFACE (self);
  return iface->show_finding != NULL
         && (iface->finding_targets & YUSUAN_EDITOR_TARGET (finding->target_kind)) != 0;
}

gboolean
yusuan_editor_page_show_finding (YusuanEditorPage    *self,
                                 const YusuanFinding *finding)
{
  return yusuan_editor_page_may_show_finding (self, finding)
         && YUSUAN_EDITOR_PAGE_GET_IFACE (self)->show_finding (self, finding);
}

void
yusuan_editor_set_css_class (GtkWidget  *widget,
                             const char *name,
                             gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

void
yusuan_editor_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

void
yusuan_editor_fill_unit_dropdown (GtkWidget      *dropdown,
                                  YusuanDocument *document)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n = document ? yusuan_document_get_n_units (document) : 0;
  GPtrArray *codes = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    {
      const YusuanUnit *unit = yusuan_document_get_unit (document, i);
      g_autofree char *label = g_strdup_printf ("%s %s", unit->code, unit->name);

      gtk_string_list_append (model, label);
      g_ptr_array_add (codes, g_strdup (unit->code));
    }
  /* The codes first: the new selection is reported as the model is set. */
  g_object_set_data_full (G_OBJECT (dropdown), "unit-codes", codes, (GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (model));
}

guint
yusuan_editor_find_dropdown_unit (GtkWidget  *dropdown,
                                  const char *code)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), "unit-codes");

  for (guint i = 0; codes != NULL && code != NULL && i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

const char *
yusuan_editor_get_dropdown_unit (GtkWidget *dropdown)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), "unit-codes");
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  return codes != NULL && selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

void
yusuan_editor_clear_list_box (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

char *
yusuan_editor_dup_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
yusuan_editor_dup_trimmed (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

gboolean
yusuan_editor_parse_amount (const char         *text,
                            YusuanDisplayUnit   unit,
                            gboolean           *present,
                            YusuanAmount       *amount,
                            GError            **error)
{
  g_autofree char *trimmed = yusuan_editor_dup_trimmed (text);

  *present = FALSE;
  *amount = 0;
  if (trimmed == NULL)
    return TRUE;

  if (!yusuan_amount_parse (trimmed, unit, 0, amount, error))
    return FALSE;

  *present = TRUE;
  return TRUE;
}

const char *
yusuan_editor_unit_suffix (YusuanDisplayUnit unit)
{
  /* Translators: the money units, as the published tables head them */
  return unit == YUSUAN_DISPLAY_YUAN ? _("元") : _("万元");
}

void
yusuan_editor_set_amount_title (GtkColumnViewColumn *column,
                                YusuanDisplayUnit    unit)
{
  /* Translators: the amount column's header with its unit, "Amount (万元)" */
  g_autofree char *title = g_strdup_printf (_("Amount (%s)"), yusuan_editor_unit_suffix (unit));

  gtk_column_view_column_set_title (column, title);
}

char *
yusuan_editor_format_amount (YusuanAmount      amount,
                             YusuanDisplayUnit unit)
{
  g_autofree char *figure = yusuan_amount_format (amount, unit, YUSUAN_AMOUNT_FORMAT_GROUPED);

  /* Translators: an amount and its unit, "319.80 万元" */
  return g_strdup_printf (_("%s %s"), figure, yusuan_editor_unit_suffix (unit));
}

char *
yusuan_editor_convert_amount (const char        *text,
                              YusuanDisplayUnit  from,
                              YusuanDisplayUnit  to)
{
  gboolean present = FALSE;
  YusuanAmount amount = 0;
  YusuanAmount back = 0;
  g_autofree char *converted = NULL;

  if (!yusuan_editor_parse_amount (text, from, &present, &amount, NULL) || !present)
    return NULL;

  /* In 万元 a whole number of fen may need six decimals: never round what
   * was typed. */
  converted = yusuan_amount_format (amount, to, YUSUAN_AMOUNT_FORMAT_PLAIN);
  if (!yusuan_amount_parse (converted, to, 0, &back, NULL) || back != amount)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT,
                            amount / YUSUAN_FEN_PER_WAN, amount % YUSUAN_FEN_PER_WAN);

  return g_steal_pointer (&converted);
}

void
yusuan_editor_convert_amount_text (GtkEditable       *editable,
                                   YusuanDisplayUnit  from,
                                   YusuanDisplayUnit  to)
{
  g_autofree char *text = NULL;

  if (from == to || (text = yusuan_editor_convert_amount (gtk_editable_get_text (editable), from, to)) == NULL)
    return;

  gtk_editable_set_text (editable, text);
}

void
yusuan_editor_update_form_bar (GtkWidget  *apply_button,
                               GtkWidget  *revert_button,
                               GtkWidget  *message_label,
                               gboolean    changed,
                               const char *problem,
                               gboolean    read_only)
{
  gtk_widget_set_sensitive (apply_button, changed && problem == NULL && !read_only);
  gtk_widget_set_sensitive (revert_button, changed && !read_only);
  gtk_label_set_label (GTK_LABEL (message_label), problem ? problem : "");
  gtk_widget_set_visible (message_label, problem != NULL);
}

void
yusuan_editor_watch (gpointer  page,
                     gpointer  slot,
                     gpointer  object,
                     GCallback changed_cb)
{
  GObject **held = slot;

  if (*held != NULL)
    g_signal_handlers_disconnect_by_data (*held, page);
  (g_set_object) (held, object);
  if (object != NULL)
    g_signal_connect_object (object, "changed", changed_cb, page, G_CONNECT_SWAPPED);
}

void
yusuan_editor_refresh_init (YusuanEditorRefresh     *refresh,
                            GtkWidget               *page,
                            YusuanEditorRefreshFunc  run)
{
  refresh->page = page;
  refresh->run = run;
  refresh->source_id = 0;
  refresh->stale = FALSE;
}

static gboolean
refresh_idle (gpointer user_data)
{
  YusuanEditorRefresh *refresh = user_data;

  refresh->source_id = 0;
  refresh->run (refresh->page);

  return G_SOURCE_REMOVE;
}

void
yusuan_editor_refresh_queue (YusuanEditorRefresh *refresh)
{
  if (!gtk_widget_get_mapped (refresh->page))
    {
      refresh->stale = TRUE;
      return;
    }
  if (refresh->source_id == 0)
    refresh->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle, refresh, NULL);
}

gboolean
yusuan_editor_refresh_pending (YusuanEditorRefresh *refresh)
{
  return refresh->source_id != 0 || refresh->stale;
}

void
yusuan_editor_refresh_done (YusuanEditorRefresh *refresh)
{
  g_clear_handle_id (&refresh->source_id, g_source_remove);
  refresh->stale = FALSE;
}

void
yusuan_editor_refresh_cancel (YusuanEditorRefresh *refresh)
{
  g_clear_handle_id (&refresh->source_id, g_source_remove);
}

void
yusuan_editor_refresh_mapped (YusuanEditorRefresh *refresh)
{
  if (refresh->stale)
    refresh->run (refresh->page);
}

void
yusuan_editor_set_catalog (YusuanCatalog **slot,
                           YusuanCatalog  *catalog)
{
  if (*slot == catalog)
    return;

  g_clear_pointer (slot, yusuan_catalog_unref);
  *slot = catalog ? yusuan_catalog_ref (catalog) : NULL;
}

void
yusuan_editor_dispose_template (GtkWidget *page,
                                GType      page_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (page, page_type);
  while ((child = gtk_widget_get_first_child (page)) != NULL)
    gtk_widget_unparent (child);
}

GtkWidget *
yusuan_editor_add_figure_row (GtkWidget        *group,
                              const char       *title,
                              GtkInputPurpose   purpose,
                              GCallback         changed_cb,
                              GCallback         activated_cb,
                              gpointer          page,
                              GtkWidget       **suffix)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_alignment (GTK_EDITABLE (row), 1.0);
  gtk_widget_add_css_class (row, "numeric");
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  g_signal_connect_swapped (row, "changed", changed_cb, page);
  g_signal_connect_swapped (row, "entry-activated", activated_cb, page);
  if (suffix != NULL)
    {
      *suffix = gtk_label_new (NULL);
      gtk_widget_add_css_class (*suffix, "dim-label");
      gtk_widget_add_css_class (*suffix, "numeric");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), *suffix);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

gboolean
yusuan_editor_parse_figure_rows (GtkWidget *const   *rows,
                                 guint               n,
                                 YusuanDisplayUnit   unit,
                                 gboolean           *present,
                                 YusuanAmount       *amounts,
                                 gboolean           *any,
                                 GError            **error)
{
  *any = FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean has = FALSE;
      g_autoptr(GError) local_error = NULL;

      if (!yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (rows[i])),
                                       unit, &has, &amounts[i], &local_error))
        {
          /* Translators: the first %s is a figure's name (a prior-year figure, a 三公 item),
           * the second why its amount is refused */
          g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID, _("%s: %s"),
                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), local_error->message);
          return FALSE;
        }
      if (present != NULL)
        present[i] = has;
      *any |= has;
    }

  return TRUE;
}

void
yusuan_editor_mark_figure_rows (GtkWidget *const  *rows,
                                guint              n,
                                YusuanDisplayUnit  unit)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean present;
      YusuanAmount amount;

      yusuan_editor_set_css_class (rows[i], "error",
                                   !yusuan_editor_parse_amount (gtk_editable_get_text (GTK_EDITABLE (rows[i])),
                                                                unit, &present, &amount, NULL));
    }
}

void
yusuan_editor_convert_amount_entries (GtkWidget *const  *entries,
                                      guint              n,
                                      YusuanDisplayUnit  from,
                                      YusuanDisplayUnit  to)
{
  for (guint i = 0; i < n; i++)
    yusuan_editor_convert_amount_text (GTK_EDITABLE (entries[i]), from, to);
}

char *
yusuan_editor_show_problems (GtkWidget *message_label,
                             GPtrArray *problems)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (problems, i));
  gtk_label_set_label (GTK_LABEL (message_label), message->str);
  gtk_widget_set_visible (message_label, problems->len > 0);

  return problems->len > 0 ? g_string_free (g_steal_pointer (&message), FALSE) : NULL;
}

void
yusuan_editor_set_problem_error (GError     **error,
                                 const char  *problems)
{
  const char *text = problems ? problems : "";

  g_set_error (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_INVALID, "%.*s", (int) strcspn (text, "\n"), text);
}

gboolean
yusuan_editor_check_writable (YusuanDocument  *document,
                              gboolean         read_only,
                              GError         **error)
{
  if (document == NULL || read_only)
    {
      g_set_error_literal (error, YUSUAN_EDITOR_ERROR, YUSUAN_EDITOR_ERROR_READ_ONLY,
                           _("The budget is open read-only: nothing can be changed."));
      return FALSE;
    }

  return TRUE;
}

void
yusuan_editor_show_apply_error (GtkWidget    *page,
                                GtkWidget    *message_label,
                                const GError *error)
{
  gtk_label_set_label (GTK_LABEL (message_label), error->message);
  gtk_widget_set_visible (message_label, TRUE);
  gtk_widget_error_bell (page);
}
