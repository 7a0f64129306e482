/* yusuan-explanations-form.h - the department's own words for the budget explanation (情况说明), by topic
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

#define YUSUAN_TYPE_EXPLANATIONS_FORM (yusuan_explanations_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanExplanationsForm, yusuan_explanations_form, YUSUAN, EXPLANATIONS_FORM, GtkWidget)

GtkWidget   *yusuan_explanations_form_new         (void);
/* The text of @topic ("revenue-change" …) as typed; an empty text removes it. */
void         yusuan_explanations_form_set_text    (YusuanExplanationsForm  *self,
                                                   const char              *topic,
                                                   const char              *text);
char        *yusuan_explanations_form_dup_text    (YusuanExplanationsForm  *self,
                                                   const char              *topic);
/* TRUE when a check asks for an explanation of @topic. */
gboolean     yusuan_explanations_form_is_asked    (YusuanExplanationsForm  *self,
                                                   const char              *topic);
gboolean     yusuan_explanations_form_apply       (YusuanExplanationsForm  *self,
                                                   GError                 **error);
/* The title of a topic, "Why revenue changed (收入增减变化原因)"; the topic itself when unknown. */
const char  *yusuan_explanation_topic_title       (const char              *topic);

G_END_DECLS
