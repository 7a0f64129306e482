/* yusuan-code-chooser.c - chooses a classification code by typing its digits or part of its name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "yusuan-code-chooser.h"

/* A list of a few dozen is what a person reads; more means "type more". */
#define MAX_MATCHES 60

struct _YusuanCodeChooser
{
  GtkWidget             parent_instance;

  GtkWidget            *entry;
  GtkWidget            *popover;
  GtkWidget            *scrolled;
  GtkWidget            *list;
  GtkWidget            *empty_label;

  YusuanCatalog        *catalog;
  YusuanClassification  classification;
  YusuanCodeLevel       level;
  char                 *code;
  GPtrArray            *matches;
  guint                 updating : 1;
};

G_DEFINE_FINAL_TYPE (YusuanCodeChooser, yusuan_code_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
name_of (YusuanCodeChooser *self,
         const char        *code)
{
  if (self->catalog == NULL || code == NULL)
    return NULL;

  return yusuan_catalog_get_name (self->catalog, self->classification, code);
}

static gboolean
code_fits (YusuanCodeChooser *self,
           const char        *code)
{
  YusuanCodeLevel level;

  if (self->catalog == NULL || code == NULL)
    return FALSE;

  level = yusuan_catalog_get_level (self->catalog, self->classification, code);
  return level != YUSUAN_CODE_LEVEL_NONE && (self->level == YUSUAN_CODE_LEVEL_NONE || level == self->level);
}

static void
set_entry_text (YusuanCodeChooser *self,
                const char        *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->updating = FALSE;
}

/* The entry shows "2010301 行政运行" for a chosen code. */
static void
show_code (YusuanCodeChooser *self)
{
  const char *name = name_of (self, self->code);
  g_autofree char *text = NULL;
  gboolean unknown = self->code != NULL && self->catalog != NULL && !code_fits (self, self->code);

  if (self->code == NULL)
    text = g_strdup ("");
  else if (name != NULL && self->classification == YUSUAN_CLASSIFICATION_FUNCTION &&
           yusuan_catalog_get_level (self->catalog, self->classification, self->code) == YUSUAN_CODE_LEVEL_ITEM)
    {
      g_autofree char *section = g_strndup (self->code, 5);
      const char *section_name = name_of (self, section);

      /* "2010301 行政运行 · 政府办公厅（室）及相关机构事务": the item's own name is often shared. */
      text = section_name ? g_strdup_printf ("%s %s · %s", self->code, name, section_name)
                          : g_strdup_printf ("%s %s", self->code, name);
    }
  else if (name != NULL)
    text = g_strdup_printf ("%s %s", self->code, name);
  else
    text = g_strdup (self->code);

  set_entry_text (self, text);

  if (unknown)
    {
      gtk_widget_add_css_class (self->entry, "warning");
      gtk_widget_set_tooltip_text (self->entry,
                                   _("This code is not in the catalogue of the budget’s year: choose another"));
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "warning");
      gtk_widget_set_tooltip_text (self->entry, NULL);
    }
}

static void
clear_list (YusuanCodeChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
}

/* The 款 of an item, the 类 of a 款. */
static char *
parent_code (const char      *code,
             YusuanCodeLevel  level)
{
  gsize length = strlen (code);

  if (level == YUSUAN_CODE_LEVEL_ITEM && length > 2)
    return g_strndup (code, length - 2);
  if (level == YUSUAN_CODE_LEVEL_SECTION && length > 2)
    return g_strndup (code, length - 2);

  return NULL;
}

static GtkWidget *
match_row_new (YusuanCodeChooser *self,
               const char        *code,
               guint              index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code_label = gtk_label_new (code);
  YusuanCodeLevel level = yusuan_catalog_get_level (self->catalog, self->classification, code);
  g_autofree char *parent = parent_code (code, level);
  const char *parent_name = parent ? name_of (self, parent) : NULL;
  GtkWidget *name_label = gtk_label_new (NULL);

  /* Many items share a name (every 款 has its 行政运行): the 款 tells them apart. */
  if (parent_name != NULL)
    {
      g_autofree char *escaped_name = g_markup_escape_text (name_of (self, code), -1);
      g_autofree char *escaped_parent = g_markup_escape_text (parent_name, -1);
      g_autofree char *markup = g_strdup_printf ("%s  <span alpha=\"55%%\">%s</span>", escaped_name, escaped_parent);

      gtk_label_set_markup (GTK_LABEL (name_label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (name_label), name_of (self, code));

  gtk_widget_add_css_class (code_label, "numeric");
  gtk_widget_add_css_class (code_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (code_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (code_label), 8);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  /* 类 and 款 read as headings when every level is offered. */
  if (self->level == YUSUAN_CODE_LEVEL_NONE && level == YUSUAN_CODE_LEVEL_CLASS)
    gtk_widget_add_css_class (name_label, "heading");

  gtk_box_append (GTK_BOX (box), code_label);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, parent_name ? parent_name : name_of (self, code));
  g_object_set_data (G_OBJECT (row), "match-index", GUINT_TO_POINTER (index));

  return row;
}

static void
run_search (YusuanCodeChooser *self,
            const char        *text)
{
  g_autofree char *query = g_strstrip (g_strdup (text ? text : ""));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  clear_list (self);

  if (*query == '\0' || self->catalog == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return;
    }

  self->matches = yusuan_catalog_search (self->catalog, self->classification, query, self->level, MAX_MATCHES);
  for (guint i = 0; i < self->matches->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), match_row_new (self, g_ptr_array_index (self->matches, i), i));

  gtk_widget_set_visible (self->empty_label, self->matches->len == 0);
  gtk_widget_set_visible (self->scrolled, self->matches->len > 0);
  if (self->matches->len > 0)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list),
                             gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
forget_matches (YusuanCodeChooser *self)
{
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  clear_list (self);
}

static void
choose (YusuanCodeChooser *self,
        const char        *code)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  forget_matches (self);

  if (g_strcmp0 (code, self->code) != 0)
    {
      g_free (self->code);
      self->code = g_strdup (code);
      show_code (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
    }
  else
    {
      show_code (self);
    }
}

static void
move_selection (YusuanCodeChooser *self,
                int                delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  int n = self->matches ? (int) self->matches->len : 0;

  if (n == 0)
    return;

  index = CLAMP (index + delta, 0, n - 1);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index);
  gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  {
    /* Keep the selected match in view. */
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), self->list, &bounds))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
        double top = gtk_adjustment_get_value (adj);
        double page = gtk_adjustment_get_page_size (adj);

        if (bounds.origin.y < top)
          gtk_adjustment_set_value (adj, bounds.origin.y);
        else if (bounds.origin.y + bounds.size.height > top + page)
          gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
      }
  }
}

/* What the typed text means when the user moves on without picking a match:
 * a whole code of the right level is taken as typed. */
static void
settle (YusuanCodeChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  forget_matches (self);

  if (*text == '\0')
    {
      choose (self, NULL);
      return;
    }

  if (code_fits (self, text))
    {
      choose (self, text);
      return;
    }

  show_code (self);
}

/* Callbacks */

static void
entry_changed_cb (YusuanCodeChooser *self)
{
  if (self->updating)
    return;

  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
entry_activate_cb (YusuanCodeChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

  /* What was typed last is matched: Enter takes the highlighted match. */
  if (self->matches != NULL && self->matches->len > 0)
    {
      yusuan_code_chooser_choose_match (self, row ? gtk_list_box_row_get_index (row) : 0);
      return;
    }

  settle (self);
}

static void
row_activated_cb (YusuanCodeChooser *self,
                  GtkListBoxRow     *row)
{
  yusuan_code_chooser_choose_match (self, gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (self->entry);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                YusuanCodeChooser     *self)
{
  gboolean open = gtk_widget_get_visible (self->popover);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!open)
        {
          run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
          return self->matches != NULL && self->matches->len > 0;
        }
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!open)
        return FALSE;
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Page_Down:
      if (!open)
        return FALSE;
      move_selection (self, 8);
      return TRUE;

    case GDK_KEY_Page_Up:
      if (!open)
        return FALSE;
      move_selection (self, -8);
      return TRUE;

    case GDK_KEY_Escape:
      if (!open)
        return FALSE;
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      forget_matches (self);
      show_code (self);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (open)
        entry_activate_cb (self);
      return FALSE;

    default:
      return FALSE;
    }
}

static void
focus_leave_cb (YusuanCodeChooser *self)
{
  /* A click into the list of matches does not take the focus: anything
   * else leaving the entry settles what was typed. */
  if (!gtk_widget_get_visible (self->popover))
    return;
  settle (self);
}

/* Overrides */

static void
yusuan_code_chooser_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (widget);

  gtk_widget_measure (self->entry, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
yusuan_code_chooser_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (widget);

  gtk_widget_size_allocate (self->entry, &(GtkAllocation) { 0, 0, width, height }, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
yusuan_code_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (YUSUAN_CODE_CHOOSER (widget)->entry);
}

static void
yusuan_code_chooser_dispose (GObject *object)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_CODE_CHOOSER);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (yusuan_code_chooser_parent_class)->dispose (object);
}

static void
yusuan_code_chooser_finalize (GObject *object)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (object);

  g_free (self->code);

  G_OBJECT_CLASS (yusuan_code_chooser_parent_class)->finalize (object);
}

static void
yusuan_code_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_code_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  YusuanCodeChooser *self = YUSUAN_CODE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      yusuan_code_chooser_set_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_code_chooser_class_init (YusuanCodeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_code_chooser_dispose;
  object_class->finalize = yusuan_code_chooser_finalize;
  object_class->get_property = yusuan_code_chooser_get_property;
  object_class->set_property = yusuan_code_chooser_set_property;
  widget_class->measure = yusuan_code_chooser_measure;
  widget_class->size_allocate = yusuan_code_chooser_size_allocate;
  widget_class->grab_focus = yusuan_code_chooser_grab_focus;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-code-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanCodeChooser, entry);
  gtk_widget_class_bind_template_child (widget_class, YusuanCodeChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, YusuanCodeChooser, scrolled);
  gtk_widget_class_bind_template_child (widget_class, YusuanCodeChooser, list);
  gtk_widget_class_bind_template_child (widget_class, YusuanCodeChooser, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
yusuan_code_chooser_init (YusuanCodeChooser *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->classification = YUSUAN_CLASSIFICATION_FUNCTION;
  self->level = YUSUAN_CODE_LEVEL_ITEM;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->entry, controller);
}

/* Public API */

GtkWidget *
yusuan_code_chooser_new (void)
{
  return g_object_new (YUSUAN_TYPE_CODE_CHOOSER, NULL);
}

void
yusuan_code_chooser_set_catalog (YusuanCodeChooser *self,
                                 YusuanCatalog     *catalog)
{
  g_return_if_fail (YUSUAN_IS_CODE_CHOOSER (self));

  if (self->catalog == catalog)
    return;

  g_clear_pointer (&self->catalog, yusuan_catalog_unref);
  self->catalog = catalog ? yusuan_catalog_ref (catalog) : NULL;
  show_code (self);
}

void
yusuan_code_chooser_set_classification (YusuanCodeChooser    *self,
                                        YusuanClassification  classification,
                                        YusuanCodeLevel       level)
{
  g_return_if_fail (YUSUAN_IS_CODE_CHOOSER (self));

  self->classification = classification;
  self->level = level;
  show_code (self);
}

const char *
yusuan_code_chooser_get_code (YusuanCodeChooser *self)
{
  g_return_val_if_fail (YUSUAN_IS_CODE_CHOOSER (self), NULL);

  return self->code;
}

void
yusuan_code_chooser_set_code (YusuanCodeChooser *self,
                              const char        *code)
{
  g_return_if_fail (YUSUAN_IS_CODE_CHOOSER (self));

  if (code != NULL && *code == '\0')
    code = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  forget_matches (self);
  if (g_strcmp0 (code, self->code) == 0)
    {
      show_code (self);
      return;
    }

  g_free (self->code);
  self->code = g_strdup (code);
  show_code (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

void
yusuan_code_chooser_search (YusuanCodeChooser *self,
                            const char        *text)
{
  g_return_if_fail (YUSUAN_IS_CODE_CHOOSER (self));

  /* As typed: the entry's ::changed runs the search. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
}

guint
yusuan_code_chooser_get_n_matches (YusuanCodeChooser *self)
{
  g_return_val_if_fail (YUSUAN_IS_CODE_CHOOSER (self), 0);

  return self->matches ? self->matches->len : 0;
}

const char *
yusuan_code_chooser_get_match (YusuanCodeChooser *self,
                               guint              index)
{
  g_return_val_if_fail (YUSUAN_IS_CODE_CHOOSER (self), NULL);

  if (self->matches == NULL || index >= self->matches->len)
    return NULL;

  return g_ptr_array_index (self->matches, index);
}

void
yusuan_code_chooser_choose_match (YusuanCodeChooser *self,
                                  guint              index)
{
  g_autofree char *code = NULL;

  g_return_if_fail (YUSUAN_IS_CODE_CHOOSER (self));

  if (self->matches == NULL || index >= self->matches->len)
    return;

  code = g_strdup (g_ptr_array_index (self->matches, index));
  choose (self, code);
}

GtkEditable *
yusuan_code_chooser_get_entry (YusuanCodeChooser *self)
{
  g_return_val_if_fail (YUSUAN_IS_CODE_CHOOSER (self), NULL);

  return GTK_EDITABLE (self->entry);
}
