/* yusuan-projects-page.c - the projects (项目): a searchable list with amounts and findings, and one project's editor
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-id-list.h"
#include "yusuan-projects-page.h"

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_UNIT,
  COLUMN_KIND,
  COLUMN_AMOUNT,
  COLUMN_FINDINGS,
  N_COLUMNS
} Column;

typedef struct
{
  guint errors;
  guint warnings;
} Badges;

struct _YusuanProjectsPage
{
  GtkWidget          parent_instance;

  GtkWidget         *stack;
  GtkWidget         *list_stack;
  GtkWidget         *search_entry;
  GtkWidget         *count_label;
  GtkWidget         *add_button;
  GtkWidget         *empty_add_button;
  GtkWidget         *column_view;
  GtkWidget         *editor;
  GtkColumnViewColumn *amount_column;

  YusuanIdList       list;
  GHashTable        *badges;    /* project id → Badges* */

  YusuanDocument    *document;
  YusuanCatalog     *catalog;
  YusuanChecker     *checker;
  YusuanDisplayUnit  unit;
  guint              rebuild_id;
  YusuanEditorRefresh badges_refresh;  /* the badges, cells on screen and count */
  guint              read_only : 1;
};

static void yusuan_projects_page_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanProjectsPage, yusuan_projects_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_projects_page_editor_page_init))

/* Helpers */

static const YusuanProject *
item_project (YusuanProjectsPage *self,
              gpointer            item)
{
  if (self->document == NULL || item == NULL)
    return NULL;

  return yusuan_document_lookup_project (self->document, yusuan_id_item_get_id (item));
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text ? text : "", -1);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  YusuanProjectsPage *self = user_data;
  const YusuanProject *project;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (self->list.search == NULL)
    return TRUE;

  project = item_project (self, item);
  if (project == NULL)
    return FALSE;

  code = fold (project->code);
  name = fold (project->name);
  return strstr (code, self->list.search) != NULL || strstr (name, self->list.search) != NULL;
}

static const Badges *
badges_of (YusuanProjectsPage *self,
           guint               project_id)
{
  static const Badges none = { 0, 0 };
  const Badges *badges = g_hash_table_lookup (self->badges, GUINT_TO_POINTER (project_id));

  return badges ? badges : &none;
}

static void
count_badges (YusuanProjectsPage *self)
{
  guint n = self->checker ? yusuan_checker_get_n_findings (self->checker) : 0;

  g_hash_table_remove_all (self->badges);
  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (self->checker, i);
      Badges *badges;

      if (finding->project_id == 0)
        continue;
      badges = g_hash_table_lookup (self->badges, GUINT_TO_POINTER (finding->project_id));
      if (badges == NULL)
        {
          badges = g_new0 (Badges, 1);
          g_hash_table_insert (self->badges, GUINT_TO_POINTER (finding->project_id), badges);
        }
      if (finding->severity == YUSUAN_SEVERITY_ERROR)
        badges->errors++;
      else if (finding->severity == YUSUAN_SEVERITY_WARNING)
        badges->warnings++;
    }
}

static int
compare_amounts (YusuanAmount a,
                 YusuanAmount b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  YusuanProjectsPage *self = g_object_get_data (G_OBJECT (column), "page");
  Column which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "column"));
  const YusuanProject *pa = item_project (self, (gpointer) a);
  const YusuanProject *pb = item_project (self, (gpointer) b);

  if (pa == NULL || pb == NULL)
    return (pa != NULL) - (pb != NULL);

  switch (which)
    {
    case COLUMN_CODE:
      return g_strcmp0 (pa->code, pb->code);
    case COLUMN_NAME:
      return g_utf8_collate (pa->name ? pa->name : "", pb->name ? pb->name : "");
    case COLUMN_UNIT:
      return g_strcmp0 (pa->unit, pb->unit);
    case COLUMN_KIND:
      return (int) pa->kind - (int) pb->kind;
    case COLUMN_AMOUNT:
      return compare_amounts (yusuan_project_get_total (pa), yusuan_project_get_total (pb));
    case COLUMN_FINDINGS:
      {
        const Badges *ba = badges_of (self, pa->id);
        const Badges *bb = badges_of (self, pb->id);

        if (ba->errors != bb->errors)
          return ba->errors < bb->errors ? -1 : 1;
        return ba->warnings < bb->warnings ? -1 : ba->warnings > bb->warnings ? 1 : 0;
      }
    case N_COLUMNS:
    default:
      return 0;
    }
}

static void
update_count (YusuanProjectsPage *self)
{
  guint listed = g_list_model_get_n_items (G_LIST_MODEL (self->list.filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->list.store));
  YusuanAmount total = 0;
  g_autofree char *figure = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < listed; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->list.filtered), i);
      const YusuanProject *project = item_project (self, item);

      if (project != NULL)
        yusuan_amount_add_checked (&total, yusuan_project_get_total (project));
    }
  figure = yusuan_amount_format (total, self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);

  if (listed == all)
    /* Translators: "9 projects, 319.80 万元" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project, %s %s", "%u projects, %s %s", all),
                            all, figure, yusuan_editor_unit_suffix (self->unit));
  else
    /* Translators: "3 of 9 projects, 120.00 万元" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u project, %s %s", "%u of %u projects, %s %s", all),
                            listed, all, figure, yusuan_editor_unit_suffix (self->unit));
  gtk_label_set_label (GTK_LABEL (self->count_label), text);

  if (all == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "empty");
  else if (listed == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "no-match");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), "list");
}

/* Cells */

static void
bind_cell (gpointer     page,
           GtkListItem *list_item,
           guint        column)
{
  YusuanProjectsPage *self = page;
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const YusuanProject *project = item_project (self, gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  if (column == COLUMN_FINDINGS)
    {
      GtkWidget *errors = gtk_widget_get_first_child (child);
      GtkWidget *warnings = gtk_widget_get_next_sibling (errors);
      const Badges *badges = badges_of (self, project ? project->id : 0);
      g_autofree char *error_text = g_strdup_printf ("%u", badges->errors);
      g_autofree char *warning_text = g_strdup_printf ("%u", badges->warnings);

      gtk_label_set_label (GTK_LABEL (errors), error_text);
      gtk_label_set_label (GTK_LABEL (warnings), warning_text);
      gtk_widget_set_visible (errors, badges->errors > 0);
      gtk_widget_set_visible (warnings, badges->warnings > 0);
      return;
    }

  if (project != NULL)
    switch (column)
      {
      case COLUMN_CODE:
        text = g_strdup (project->code);
        break;
      case COLUMN_NAME:
        text = g_strdup (project->name);
        break;
      case COLUMN_UNIT:
        {
          const YusuanUnit *unit = yusuan_document_find_unit (self->document, project->unit);

          text = g_strdup (unit ? unit->name : project->unit);
        }
        break;
      case COLUMN_KIND:
        text = g_strdup (yusuan_project_kind_label (project->kind));
        break;
      case COLUMN_AMOUNT:
        text = yusuan_amount_format (yusuan_project_get_total (project), self->unit, YUSUAN_AMOUNT_FORMAT_GROUPED);
        break;
      case COLUMN_FINDINGS:
      case N_COLUMNS:
      default:
        break;
      }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (column == COLUMN_NAME || column == COLUMN_UNIT)
    yusuan_editor_set_tooltip (child, text);
}

static void
setup_cell (GtkListItem *list_item,
            guint        column)
{
  GtkWidget *child;

  if (column == COLUMN_FINDINGS)
    {
      GtkWidget *errors = gtk_label_new (NULL);
      GtkWidget *warnings = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_add_css_class (errors, "finding-count");
      gtk_widget_add_css_class (errors, "errors");
      gtk_widget_set_tooltip_text (errors, _("Errors"));
      gtk_widget_add_css_class (warnings, "finding-count");
      gtk_widget_add_css_class (warnings, "warnings");
      gtk_widget_set_tooltip_text (warnings, _("Warnings"));
      gtk_widget_set_valign (errors, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (warnings, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (child), errors);
      gtk_box_append (GTK_BOX (child), warnings);
    }
  else
    {
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), column == COLUMN_NAME ? 16 : 6);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), column == COLUMN_NAME ? 40 : column == COLUMN_CODE ? 22 : 12);
      if (column == COLUMN_AMOUNT)
        {
          gtk_inscription_set_xalign (GTK_INSCRIPTION (child), 1.0);
          gtk_widget_add_css_class (child, "numeric");
        }
      if (column == COLUMN_CODE)
        gtk_widget_add_css_class (child, "numeric");
    }

  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_list_item_set_child (list_item, child);
}

/* A column the list can be sorted by. */
static GtkColumnViewColumn *
add_column (YusuanProjectsPage *self,
            Column              which,
            const char         *title,
            gboolean            expand,
            int                 fixed_width)
{
  GtkColumnViewColumn *column = yusuan_id_list_add_column (&self->list, which, title, expand, fixed_width);
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (column), "page", self);
  g_object_set_data (G_OBJECT (column), "column", GUINT_TO_POINTER (which));
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, column, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);

  return column;
}

/* Updates */

static void
rebuild (YusuanProjectsPage *self)
{
  guint n = self->document ? yusuan_document_get_n_projects (self->document) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, yusuan_id_item_new (yusuan_document_get_project (self->document, i)->id));
  yusuan_id_list_set_items (&self->list, items);
  update_count (self);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  YusuanProjectsPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
update_now (YusuanProjectsPage *self)
{
  yusuan_editor_refresh_done (&self->badges_refresh);
  count_badges (self);
  yusuan_id_list_rebind (&self->list, 0);
  update_count (self);
}

/* Callbacks */

static void
document_changed_cb (YusuanProjectsPage *self,
                     const YusuanChange *change)
{
  switch (change->kind)
    {
    case YUSUAN_CHANGE_RESET:
    case YUSUAN_CHANGE_PROJECT_ADDED:
    case YUSUAN_CHANGE_PROJECT_REMOVED:
      if (change->kind == YUSUAN_CHANGE_PROJECT_REMOVED && change->project != NULL &&
          change->project->id == yusuan_project_editor_get_project_id (YUSUAN_PROJECT_EDITOR (self->editor)))
        yusuan_projects_page_show_project (self, 0);
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rebuild_idle, self, NULL);
      break;

    case YUSUAN_CHANGE_PROJECT_CHANGED:
    case YUSUAN_CHANGE_UNIT_CHANGED:
      yusuan_editor_refresh_queue (&self->badges_refresh);
      break;

    case YUSUAN_CHANGE_LINE_ADDED:
    case YUSUAN_CHANGE_LINE_REMOVED:
    case YUSUAN_CHANGE_LINE_CHANGED:
      if ((change->line != NULL && change->line->project_id != 0) ||
          (change->old_line != NULL && change->old_line->project_id != 0))
        yusuan_editor_refresh_queue (&self->badges_refresh);
      break;

    default:
      break;
    }
}

static void
checker_changed_cb (YusuanProjectsPage *self)
{
  yusuan_editor_refresh_queue (&self->badges_refresh);
}

static void
search_changed_cb (YusuanProjectsPage *self)
{
  if (self->list.setting_search)
    return;
  yusuan_projects_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
activate_cb (YusuanProjectsPage *self,
             guint               position)
{
  guint id = yusuan_id_list_get_id (&self->list, position);

  if (id != 0)
    yusuan_projects_page_show_project (self, id);
}

static void
back_clicked_cb (YusuanProjectsPage *self)
{
  yusuan_projects_page_show_project (self, 0);
}

static void
add_clicked_cb (YusuanProjectsPage *self)
{
  yusuan_projects_page_add_project (self);
}

/* A free project code like the department's others: the largest numeric
 * code of the usual length plus one, or region + year + a sequence. */
static char *
free_project_code (YusuanProjectsPage *self)
{
  guint n = yusuan_document_get_n_projects (self->document);
  g_autofree char *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *code = yusuan_document_get_project (self->document, i)->code;
      gboolean digits = code != NULL && *code != '\0';

      for (const char *p = code; digits && *p; p++)
        digits = g_ascii_isdigit (*p);
      if (!digits)
        continue;
      if (best == NULL || strlen (code) > strlen (best) ||
          (strlen (code) == strlen (best) && strcmp (code, best) > 0))
        {
          g_free (best);
          best = g_strdup (code);
        }
    }

  if (best == NULL)
    {
      const char *region = yusuan_document_get_region (self->document);

      best = g_strdup_printf ("%s%02d%013u", region && strlen (region) == 6 ? region : "000000",
                              yusuan_document_get_fiscal_year (self->document) % 100, 0u);
    }

  for (guint attempt = 0; attempt < 1000; attempt++)
    {
      /* Adds one in decimal, carrying; all nines grows by a digit. */
      gsize length = strlen (best);
      int i = (int) length - 1;

      while (i >= 0 && best[i] == '9')
        best[i--] = '0';
      if (i >= 0)
        best[i]++;
      else
        {
          char *longer = g_strconcat ("1", best, NULL);

          g_free (best);
          best = longer;
        }
      if (strlen (best) <= 32 && yusuan_document_find_project (self->document, best) == NULL)
        return g_steal_pointer (&best);
    }

  return NULL;
}

/* Overrides */

static void
yusuan_projects_page_set_document (YusuanEditorPage *page,
                                   YusuanDocument   *document,
                                   YusuanCatalog    *catalog,
                                   YusuanChecker    *checker,
                                   gboolean          read_only)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (page);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  yusuan_editor_refresh_cancel (&self->badges_refresh);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  yusuan_editor_watch (self, &self->checker, checker, G_CALLBACK (checker_changed_cb));
  yusuan_editor_set_catalog (&self->catalog, catalog);
  self->read_only = !!read_only;


  yusuan_project_editor_set_document (YUSUAN_PROJECT_EDITOR (self->editor), document, catalog, checker, read_only);
  gtk_widget_set_sensitive (self->add_button, !read_only && document != NULL);
  gtk_widget_set_sensitive (self->empty_add_button, !read_only && document != NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  count_badges (self);
  rebuild (self);
}

static void
yusuan_projects_page_set_display_unit (YusuanEditorPage  *page,
                                       YusuanDisplayUnit  unit)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (page);

  self->unit = unit;
  yusuan_project_editor_set_display_unit (YUSUAN_PROJECT_EDITOR (self->editor), unit);
  yusuan_editor_set_amount_title (self->amount_column, self->unit);
  yusuan_id_list_rebind (&self->list, 0);
  update_count (self);
}

static gboolean
yusuan_projects_page_show_finding (YusuanEditorPage    *page,
                                   const YusuanFinding *finding)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (page);
  YusuanProjectEditor *editor = YUSUAN_PROJECT_EDITOR (self->editor);

  if (self->document == NULL || finding->project_id == 0 ||
      yusuan_document_lookup_project (self->document, finding->project_id) == NULL)
    return FALSE;

  switch (finding->target_kind)
    {
    case YUSUAN_TARGET_PROJECT:
      yusuan_projects_page_show_project (self, finding->project_id);
      if (g_strcmp0 (finding->rule, "project-no-lines") == 0 ||
          g_strcmp0 (finding->rule, "project-zero-total") == 0)
        yusuan_project_editor_show_lines (editor);
      else if (g_str_has_prefix (finding->rule, "project-no-") ||
               g_str_has_prefix (finding->rule, "project-cost"))
        yusuan_project_editor_show_indicator (editor, 0);
      return TRUE;

    case YUSUAN_TARGET_INDICATOR:
      yusuan_projects_page_show_project (self, finding->project_id);
      yusuan_project_editor_show_indicator (editor, finding->target_id);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
yusuan_projects_page_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_projects_page_set_document;
  iface->set_display_unit = yusuan_projects_page_set_display_unit;
  iface->show_finding = yusuan_projects_page_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_PROJECT) | YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_INDICATOR);
}

static void
yusuan_projects_page_map (GtkWidget *widget)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (widget);

  GTK_WIDGET_CLASS (yusuan_projects_page_parent_class)->map (widget);
  yusuan_editor_refresh_mapped (&self->badges_refresh);
}

static void
yusuan_projects_page_dispose (GObject *object)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (object);

  if (self->document != NULL)
    yusuan_projects_page_set_document (YUSUAN_EDITOR_PAGE (self), NULL, NULL, NULL, FALSE);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  yusuan_editor_refresh_cancel (&self->badges_refresh);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_PROJECTS_PAGE);
  yusuan_id_list_clear (&self->list);

  G_OBJECT_CLASS (yusuan_projects_page_parent_class)->dispose (object);
}

static void
yusuan_projects_page_finalize (GObject *object)
{
  YusuanProjectsPage *self = YUSUAN_PROJECTS_PAGE (object);

  g_hash_table_unref (self->badges);

  G_OBJECT_CLASS (yusuan_projects_page_parent_class)->finalize (object);
}

static void
yusuan_projects_page_class_init (YusuanProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_projects_page_dispose;
  object_class->finalize = yusuan_projects_page_finalize;
  widget_class->map = yusuan_projects_page_map;

  g_type_ensure (YUSUAN_TYPE_PROJECT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, YusuanProjectsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_projects_page_init (YusuanProjectsPage *self)
{
  self->badges = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  yusuan_editor_refresh_init (&self->badges_refresh, GTK_WIDGET (self), (YusuanEditorRefreshFunc) update_now);

  yusuan_id_list_init (&self->list, self, self->column_view, filter_func, TRUE, setup_cell, bind_cell);

  /* Translators: column headers of the project list, as 预算10表 heads them */
  add_column (self, COLUMN_CODE, _("Code (项目编码)"), FALSE, 220);
  add_column (self, COLUMN_NAME, _("Name (项目名称)"), TRUE, -1);
  add_column (self, COLUMN_UNIT, _("Unit (单位)"), FALSE, 220);
  add_column (self, COLUMN_KIND, _("Kind (项目类别)"), FALSE, 160);
  self->amount_column = add_column (self, COLUMN_AMOUNT, NULL, FALSE, 130);
  yusuan_editor_set_amount_title (self->amount_column, self->unit);
  add_column (self, COLUMN_FINDINGS, _("Checks (审核)"), FALSE, 110);
  update_count (self);
}

/* Public API */

GtkWidget *
yusuan_projects_page_new (void)
{
  return g_object_new (YUSUAN_TYPE_PROJECTS_PAGE, NULL);
}

void
yusuan_projects_page_set_search (YusuanProjectsPage *self,
                                 const char         *text)
{
  g_return_if_fail (YUSUAN_IS_PROJECTS_PAGE (self));

  yusuan_id_list_set_search (&self->list, self->search_entry, text);
  update_count (self);
}

guint
yusuan_projects_page_get_n_listed (YusuanProjectsPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECTS_PAGE (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);

  return g_list_model_get_n_items (self->list.listed);
}

guint
yusuan_projects_page_get_listed (YusuanProjectsPage *self,
                                 guint               index)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECTS_PAGE (self), 0);

  return yusuan_id_list_get_id (&self->list, index);
}

void
yusuan_projects_page_get_badges (YusuanProjectsPage *self,
                                 guint               project_id,
                                 guint              *errors,
                                 guint              *warnings)
{
  const Badges *badges;

  g_return_if_fail (YUSUAN_IS_PROJECTS_PAGE (self));

  if (yusuan_editor_refresh_pending (&self->badges_refresh))
    update_now (self);

  badges = badges_of (self, project_id);
  if (errors != NULL)
    *errors = badges->errors;
  if (warnings != NULL)
    *warnings = badges->warnings;
}

void
yusuan_projects_page_show_project (YusuanProjectsPage *self,
                                   guint               project_id)
{
  g_return_if_fail (YUSUAN_IS_PROJECTS_PAGE (self));

  if (project_id != 0 && (self->document == NULL ||
                          yusuan_document_lookup_project (self->document, project_id) == NULL))
    project_id = 0;

  yusuan_project_editor_set_project (YUSUAN_PROJECT_EDITOR (self->editor), project_id);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), project_id != 0 ? "editor" : "list");
}

YusuanProjectEditor *
yusuan_projects_page_get_editor (YusuanProjectsPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECTS_PAGE (self), NULL);

  return YUSUAN_PROJECT_EDITOR (self->editor);
}

gboolean
yusuan_projects_page_is_editing (YusuanProjectsPage *self)
{
  g_return_val_if_fail (YUSUAN_IS_PROJECTS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "editor") == 0;
}

guint
yusuan_projects_page_add_project (YusuanProjectsPage *self)
{
  g_autofree char *code = NULL;
  const YusuanProject *project;
  const char *unit;

  g_return_val_if_fail (YUSUAN_IS_PROJECTS_PAGE (self), 0);

  if (self->document == NULL || self->read_only || yusuan_document_get_n_units (self->document) == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return 0;
    }

  code = free_project_code (self);
  if (code == NULL)
    return 0;

  /* The project's unit: the one most projects so far belong to is likely,
   * the first unit otherwise. */
  unit = yusuan_document_get_unit (self->document, 0)->code;
  if (yusuan_document_get_n_projects (self->document) > 0)
    unit = yusuan_document_get_project (self->document, yusuan_document_get_n_projects (self->document) - 1)->unit;

  yusuan_document_begin_group (self->document, _("Add Project"));
  project = yusuan_document_add_project (self->document, code, _("New project"), unit,
                                         YUSUAN_PROJECT_KIND_OTHER_OPERATIONAL, NULL);
  yusuan_document_end_group (self->document);
  if (project == NULL)
    return 0;

  rebuild (self);
  yusuan_projects_page_show_project (self, project->id);
  yusuan_project_editor_focus_name (YUSUAN_PROJECT_EDITOR (self->editor));

  return project->id;
}
