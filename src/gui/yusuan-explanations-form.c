/* yusuan-explanations-form.c - the department's own words for the budget explanation (情况说明), by topic
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yusuan-explanations-form.h"

/* The topics the narrative and the checks know, in the explanation's order. */
static const struct
{
  const char *topic;
  const char *title;
} known_topics[] = {
  { "revenue-change", N_("Why revenue changed (收入增减变化原因)") },
  { "expenditure-change", N_("Why expenditure changed (支出增减变化原因)") },
  { "general-public-budget-change", N_("Why general public budget expenditure changed (一般公共预算支出增减变化原因)") },
  { "three-public-change", N_("Why the “three public” expenses changed (“三公”经费增减变化原因)") },
  { "outbound-travel-change", N_("Why outbound travel changed (因公出国（境）费增减变化原因)") },
  { "vehicle-purchase-change", N_("Why vehicle purchase changed (公务用车购置费增减变化原因)") },
  { "vehicle-operation-change", N_("Why vehicle operation and maintenance changed (公务用车运行维护费增减变化原因)") },
  { "official-reception-change", N_("Why official reception changed (公务接待费增减变化原因)") },
  { "operating-costs-change", N_("Why operating costs changed (机关运行经费增减变化原因)") },
  { "special-transfers", N_("Special transfer payments (专项转移支付项目情况)") },
};

typedef struct
{
  char      *topic;
  GtkWidget *box;
  GtkWidget *asked_label;
  GtkWidget *view;
} Topic;

struct _YusuanExplanationsForm
{
  GtkWidget       parent_instance;

  GtkWidget      *topics_box;
  GtkWidget      *message_label;
  GtkWidget      *revert_button;
  GtkWidget      *apply_button;

  GPtrArray      *topics;   /* Topic* */
  YusuanDocument *document;
  YusuanChecker  *checker;
  guint           read_only : 1;
  guint           loading : 1;
  guint           stale : 1;
};

static void yusuan_explanations_form_editor_page_init (YusuanEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (YusuanExplanationsForm, yusuan_explanations_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (YUSUAN_TYPE_EDITOR_PAGE,
                                                      yusuan_explanations_form_editor_page_init))

static void check (YusuanExplanationsForm *self);

/* Helpers */

static void
topic_free (Topic *topic)
{
  g_free (topic->topic);
  g_free (topic);
}

static Topic *
find_topic (YusuanExplanationsForm *self,
            const char             *topic)
{
  for (guint i = 0; i < self->topics->len; i++)
    {
      Topic *t = g_ptr_array_index (self->topics, i);

      if (g_strcmp0 (t->topic, topic) == 0)
        return t;
    }

  return NULL;
}

static void
buffer_changed_cb (YusuanExplanationsForm *self)
{
  check (self);
}

static Topic *
add_topic (YusuanExplanationsForm *self,
           const char             *topic)
{
  Topic *t = g_new0 (Topic, 1);
  GtkWidget *title = gtk_label_new (yusuan_explanation_topic_title (topic));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  t->topic = g_strdup (topic);
  t->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (t->box), title);

  t->asked_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (t->asked_label), 0);
  gtk_label_set_wrap (GTK_LABEL (t->asked_label), TRUE);
  gtk_widget_add_css_class (t->asked_label, "warning");
  gtk_widget_set_visible (t->asked_label, FALSE);
  gtk_box_append (GTK_BOX (t->box), t->asked_label);

  t->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (t->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (t->view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (t->view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (t->view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (t->view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (t->view), 6);
  gtk_widget_set_tooltip_text (t->view, topic);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (t->view)), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), t->view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 56);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (t->box), frame);

  gtk_box_append (GTK_BOX (self->topics_box), t->box);
  g_ptr_array_add (self->topics, t);

  return t;
}

static char *
typed_text (Topic *t)
{
  g_autofree char *text = yusuan_editor_dup_text_view_text (GTK_TEXT_VIEW (t->view));

  return yusuan_editor_dup_trimmed (text);
}

static gboolean
changed (YusuanExplanationsForm *self)
{
  if (self->document == NULL)
    return FALSE;

  for (guint i = 0; i < self->topics->len; i++)
    {
      Topic *t = g_ptr_array_index (self->topics, i);
      g_autofree char *text = typed_text (t);
      const char *stored = yusuan_document_find_explanation (self->document, t->topic);
      g_autofree char *stored_trimmed = yusuan_editor_dup_trimmed (stored);

      if (g_strcmp0 (text, stored_trimmed) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
check (YusuanExplanationsForm *self)
{
  if (self->loading)
    return;

  yusuan_editor_update_form_bar (self->apply_button, self->revert_button, self->message_label,
                                 changed (self), NULL, self->read_only);
}

/* The checks that ask for a topic say so above it. */
static void
update_asked (YusuanExplanationsForm *self)
{
  guint n = self->checker ? yusuan_checker_get_n_findings (self->checker) : 0;

  self->stale = FALSE;
  for (guint i = 0; i < self->topics->len; i++)
    gtk_widget_set_visible (((Topic *) g_ptr_array_index (self->topics, i))->asked_label, FALSE);

  for (guint i = 0; i < n; i++)
    {
      const YusuanFinding *finding = yusuan_checker_get_finding (self->checker, i);
      Topic *t;

      if (finding->target_kind != YUSUAN_TARGET_EXPLANATION || finding->subject == NULL)
        continue;
      t = find_topic (self, finding->subject);
      if (t == NULL)
        t = add_topic (self, finding->subject);
      gtk_label_set_label (GTK_LABEL (t->asked_label), finding->message);
      gtk_widget_set_visible (t->asked_label, TRUE);
    }
}

static void
load (YusuanExplanationsForm *self)
{
  guint n = self->document ? yusuan_document_get_n_explanations (self->document) : 0;

  self->loading = TRUE;

  /* Topics of the document beyond the known ones keep their own box. */
  for (guint i = 0; i < n; i++)
    {
      const YusuanExplanation *explanation = yusuan_document_get_explanation (self->document, i);

      if (find_topic (self, explanation->topic) == NULL)
        add_topic (self, explanation->topic);
    }

  for (guint i = 0; i < self->topics->len; i++)
    {
      Topic *t = g_ptr_array_index (self->topics, i);
      const char *text = self->document ? yusuan_document_find_explanation (self->document, t->topic) : NULL;

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (t->view)), text ? text : "", -1);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (t->view), !self->read_only);
    }
  self->loading = FALSE;
  update_asked (self);
  check (self);
}

/* Callbacks */

static void
document_changed_cb (YusuanExplanationsForm *self,
                     const YusuanChange     *change)
{
  if (change->kind == YUSUAN_CHANGE_RESET || change->kind == YUSUAN_CHANGE_EXPLANATIONS)
    load (self);
}

static void
checker_changed_cb (YusuanExplanationsForm *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_asked (self);
  else
    self->stale = TRUE;
}

static void
apply_clicked_cb (YusuanExplanationsForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!yusuan_explanations_form_apply (self, &error))
    yusuan_editor_show_apply_error (GTK_WIDGET (self), self->message_label, error);
}

static void
revert_clicked_cb (YusuanExplanationsForm *self)
{
  load (self);
}

/* YusuanEditorPage */

static void
yusuan_explanations_form_set_document (YusuanEditorPage *page,
                                       YusuanDocument   *document,
                                       YusuanCatalog    *catalog,
                                       YusuanChecker    *checker,
                                       gboolean          read_only)
{
  YusuanExplanationsForm *self = YUSUAN_EXPLANATIONS_FORM (page);

  yusuan_editor_watch (self, &self->document, document, G_CALLBACK (document_changed_cb));
  yusuan_editor_watch (self, &self->checker, checker, G_CALLBACK (checker_changed_cb));
  self->read_only = !!read_only;
  load (self);
}

static gboolean
yusuan_explanations_form_show_finding (YusuanEditorPage    *page,
                                       const YusuanFinding *finding)
{
  YusuanExplanationsForm *self = YUSUAN_EXPLANATIONS_FORM (page);
  Topic *t;

  if (finding->target_kind != YUSUAN_TARGET_EXPLANATION)
    return FALSE;

  t = finding->subject ? find_topic (self, finding->subject) : NULL;
  if (t == NULL && finding->subject != NULL)
    t = add_topic (self, finding->subject);
  if (t != NULL)
    gtk_widget_grab_focus (t->view);

  return TRUE;
}

static void
yusuan_explanations_form_editor_page_init (YusuanEditorPageInterface *iface)
{
  iface->set_document = yusuan_explanations_form_set_document;
  iface->show_finding = yusuan_explanations_form_show_finding;
  iface->finding_targets = YUSUAN_EDITOR_TARGET (YUSUAN_TARGET_EXPLANATION);
}

/* Overrides */

static void
yusuan_explanations_form_map (GtkWidget *widget)
{
  YusuanExplanationsForm *self = YUSUAN_EXPLANATIONS_FORM (widget);

  GTK_WIDGET_CLASS (yusuan_explanations_form_parent_class)->map (widget);
  if (self->stale)
    update_asked (self);
}

static void
yusuan_explanations_form_dispose (GObject *object)
{
  YusuanExplanationsForm *self = YUSUAN_EXPLANATIONS_FORM (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  yusuan_editor_dispose_template (GTK_WIDGET (self), YUSUAN_TYPE_EXPLANATIONS_FORM);
  g_ptr_array_set_size (self->topics, 0);

  G_OBJECT_CLASS (yusuan_explanations_form_parent_class)->dispose (object);
}

static void
yusuan_explanations_form_finalize (GObject *object)
{
  YusuanExplanationsForm *self = YUSUAN_EXPLANATIONS_FORM (object);

  g_ptr_array_unref (self->topics);

  G_OBJECT_CLASS (yusuan_explanations_form_parent_class)->finalize (object);
}

static void
yusuan_explanations_form_class_init (YusuanExplanationsFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yusuan_explanations_form_dispose;
  object_class->finalize = yusuan_explanations_form_finalize;
  widget_class->map = yusuan_explanations_form_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/yusuan/Yusuan/ui/yusuan-explanations-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YusuanExplanationsForm, topics_box);
  gtk_widget_class_bind_template_child (widget_class, YusuanExplanationsForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, YusuanExplanationsForm, revert_button);
  gtk_widget_class_bind_template_child (widget_class, YusuanExplanationsForm, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
yusuan_explanations_form_init (YusuanExplanationsForm *self)
{
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (known_topics); i++)
    add_topic (self, known_topics[i].topic);
  load (self);
}

/* Public API */

GtkWidget *
yusuan_explanations_form_new (void)
{
  return g_object_new (YUSUAN_TYPE_EXPLANATIONS_FORM, NULL);
}

void
yusuan_explanations_form_set_text (YusuanExplanationsForm *self,
                                   const char             *topic,
                                   const char             *text)
{
  Topic *t;

  g_return_if_fail (YUSUAN_IS_EXPLANATIONS_FORM (self));
  g_return_if_fail (topic != NULL);

  t = find_topic (self, topic);
  if (t == NULL)
    t = add_topic (self, topic);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (t->view)), text ? text : "", -1);
}

char *
yusuan_explanations_form_dup_text (YusuanExplanationsForm *self,
                                   const char             *topic)
{
  Topic *t;

  g_return_val_if_fail (YUSUAN_IS_EXPLANATIONS_FORM (self), NULL);

  t = find_topic (self, topic);
  return t ? typed_text (t) : NULL;
}

gboolean
yusuan_explanations_form_is_asked (YusuanExplanationsForm *self,
                                   const char             *topic)
{
  Topic *t;

  g_return_val_if_fail (YUSUAN_IS_EXPLANATIONS_FORM (self), FALSE);

  if (self->stale)
    update_asked (self);
  t = find_topic (self, topic);
  return t != NULL && gtk_widget_get_visible (t->asked_label);
}

gboolean
yusuan_explanations_form_apply (YusuanExplanationsForm  *self,
                                GError                 **error)
{
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  g_return_val_if_fail (YUSUAN_IS_EXPLANATIONS_FORM (self), FALSE);

  if (!yusuan_editor_check_writable (self->document, self->read_only, error))
    return FALSE;
  if (!changed (self))
    return TRUE;

  /* Every box is read before the first change reloads them. */
  typed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->topics->len; i++)
    g_ptr_array_add (typed, typed_text (g_ptr_array_index (self->topics, i)));
  topics = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->topics->len; i++)
    g_ptr_array_add (topics, g_strdup (((Topic *) g_ptr_array_index (self->topics, i))->topic));

  /* Translators: an undo step */
  yusuan_document_begin_group (self->document, _("Change Explanations"));
  for (guint i = 0; i < topics->len; i++)
    {
      const char *topic = g_ptr_array_index (topics, i);
      const char *text = g_ptr_array_index (typed, i);
      g_autofree char *stored = yusuan_editor_dup_trimmed (yusuan_document_find_explanation (self->document, topic));

      if (g_strcmp0 (text, stored) != 0)
        yusuan_document_set_explanation (self->document, topic, text);
    }
  yusuan_document_end_group (self->document);
  load (self);

  return TRUE;
}

const char *
yusuan_explanation_topic_title (const char *topic)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_topics); i++)
    if (g_strcmp0 (known_topics[i].topic, topic) == 0)
      return _(known_topics[i].title);

  return topic;
}
