/* yusuan-document.c - the budget document: every fact of the contract, edited through undoable commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yusuan-document.h"
#include "yusuan-figures.h"

/* Every edit is an operation that, applied, returns its inverse: undo applies
 * the inverses of a step in reverse order and records theirs for redo.  One
 * mechanism serves edits, undo and redo, so they cannot disagree. */
typedef enum
{
  OP_HEADER,
  OP_UNIT_INSERT,
  OP_UNIT_DELETE,
  OP_UNIT_SET,
  OP_REVENUE_INSERT,
  OP_REVENUE_DELETE,
  OP_REVENUE_SET,
  OP_LINE_INSERT,
  OP_LINE_DELETE,
  OP_LINE_SET,
  OP_PROJECT_INSERT,
  OP_PROJECT_DELETE,
  OP_PROJECT_SET,
  OP_INDICATOR_INSERT,
  OP_INDICATOR_DELETE,
  OP_INDICATOR_SET,
  OP_THREE_PUBLIC,
  OP_PROCUREMENT,
  OP_ASSETS,
  OP_PERFORMANCE,
  OP_EXPLANATION,
  OP_PRIOR_YEAR,
  OP_CONTROL_NUMBERS,
} OpKind;

/* The most amounts a whole-value section holds. */
#define OP_MAX_AMOUNTS MAX (YUSUAN_N_PRIOR_KEYS, YUSUAN_N_CONTROL_NUMBERS)

typedef struct
{
  OpKind            kind;
  guint             id;          /* the entity's id (DELETE, SET) */
  guint             project_id;  /* indicators: 0 for the department's */
  guint             index;       /* INSERT: position */
  YusuanUnit       *unit;
  YusuanRevenue    *revenue;
  YusuanLine       *line;
  YusuanProject    *project;     /* INSERT: deep, with lines and indicators; SET: fields only */
  YusuanIndicator  *indicator;

  /* whole-value sections */
  int               fiscal_year;
  YusuanStage       stage;
  char             *department_code;
  char             *department_name;
  char             *region;
  gboolean          present;
  YusuanAmount      amounts[OP_MAX_AMOUNTS];
  gboolean          has[OP_MAX_AMOUNTS];
  guint64           counts[3];
  GPtrArray        *items;       /* procurement items, or tasks */
  GPtrArray        *strings;     /* duties */
  char             *topic;
  char             *text;
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;     /* Op*, in the order applied */
  guint      serial;
} Step;

struct _YusuanDocument
{
  GObject         parent_instance;

  int             fiscal_year;
  YusuanStage     stage;
  char           *department_code;
  char           *department_name;
  char           *region;

  GPtrArray      *units;            /* YusuanUnit* */
  GPtrArray      *revenues;         /* YusuanRevenue* */
  GPtrArray      *basic_lines;      /* YusuanLine* */
  GPtrArray      *projects;         /* YusuanProject* */
  GPtrArray      *dept_indicators;  /* YusuanIndicator* */

  GHashTable     *lines_by_id;      /* id -> YusuanLine* (basic and project) */
  GHashTable     *revenues_by_id;
  GHashTable     *projects_by_id;
  /* code -> first unit / project with it, built on the first lookup after
   * units or projects change (rare edits), never touched by line edits. */
  GHashTable     *units_by_code;
  GHashTable     *projects_by_code;
  guint           n_lines;
  /* Running totals of every line's and every revenue's amount, kept exact
   * with checked additions; overflowed is sticky until recounted. */
  YusuanAmount    line_sum;
  YusuanAmount    revenue_sum;
  gboolean        sums_overflowed;

  gboolean        has_three_public;
  YusuanAmount    three_public[YUSUAN_N_THREE_PUBLIC];

  GPtrArray      *procurement;      /* YusuanProcurementItem* */

  gboolean        has_assets;
  guint64         assets[3];

  gboolean        has_performance;
  GPtrArray      *duties;           /* char* */
  GPtrArray      *tasks;            /* YusuanTask* */

  GPtrArray      *explanations;     /* YusuanExplanation* */

  gboolean        has_prior;
  int             prior_year;
  gboolean        prior_has[YUSUAN_N_PRIOR_KEYS];
  YusuanAmount    prior[YUSUAN_N_PRIOR_KEYS];

  gboolean        has_control;
  gboolean        control_has[YUSUAN_N_CONTROL_NUMBERS];
  YusuanAmount    control[YUSUAN_N_CONTROL_NUMBERS];

  guint           next_id;

  GPtrArray      *undo_stack;       /* Step* */
  GPtrArray      *redo_stack;       /* Step* */
  Step           *open_step;
  guint           group_depth;
  guint           next_serial;
  guint           saved_serial;     /* serial of the top undo step when saved; G_MAXUINT: unreachable */
  gboolean        dirty_without_undo;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (YusuanDocument, yusuan_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static Op *apply_op (YusuanDocument *self, Op *op);

/* ------------------------------------------------------------------------ */
/* Copies and frees of the plain structs                                     */
/* ------------------------------------------------------------------------ */

static YusuanUnit *
unit_copy (const YusuanUnit *u)
{
  YusuanUnit *c = g_new0 (YusuanUnit, 1);

  c->id = u->id;
  c->code = g_strdup (u->code);
  c->name = g_strdup (u->name);
  c->kind = u->kind;
  return c;
}

static void
unit_free (gpointer data)
{
  YusuanUnit *u = data;

  if (u == NULL)
    return;
  g_free (u->code);
  g_free (u->name);
  g_free (u);
}

static YusuanRevenue *
revenue_copy (const YusuanRevenue *r)
{
  return g_memdup2 (r, sizeof *r);
}

static YusuanLine *
line_copy (const YusuanLine *l)
{
  return g_memdup2 (l, sizeof *l);
}

static YusuanIndicator *
indicator_copy (const YusuanIndicator *i)
{
  YusuanIndicator *c = g_new0 (YusuanIndicator, 1);

  c->id = i->id;
  c->level1 = i->level1;
  c->level2 = g_strdup (i->level2);
  c->name = g_strdup (i->name);
  c->op = i->op;
  c->value = g_strdup (i->value);
  c->unit = g_strdup (i->unit);
  c->text = g_strdup (i->text);
  c->explanation = g_strdup (i->explanation);
  return c;
}

static void
indicator_free (gpointer data)
{
  YusuanIndicator *i = data;

  if (i == NULL)
    return;
  g_free (i->level2);
  g_free (i->name);
  g_free (i->value);
  g_free (i->unit);
  g_free (i->text);
  g_free (i->explanation);
  g_free (i);
}

static void
project_free (gpointer data)
{
  YusuanProject *p = data;

  if (p == NULL)
    return;
  g_free (p->code);
  g_free (p->name);
  g_free (p->description);
  g_clear_pointer (&p->lines, g_ptr_array_unref);
  g_clear_pointer (&p->indicators, g_ptr_array_unref);
  g_free (p);
}

/* @deep: with lines and indicators; otherwise both are NULL. */
static YusuanProject *
project_copy (const YusuanProject *p,
              gboolean             deep)
{
  YusuanProject *c = g_new0 (YusuanProject, 1);

  c->id = p->id;
  c->code = g_strdup (p->code);
  c->name = g_strdup (p->name);
  memcpy (c->unit, p->unit, sizeof c->unit);
  c->kind = p->kind;
  c->description = g_strdup (p->description);
  if (deep)
    {
      c->lines = g_ptr_array_new_full (p->lines->len, g_free);
      for (guint i = 0; i < p->lines->len; i++)
        g_ptr_array_add (c->lines, line_copy (g_ptr_array_index (p->lines, i)));
      c->indicators = g_ptr_array_new_full (p->indicators->len, indicator_free);
      for (guint i = 0; i < p->indicators->len; i++)
        g_ptr_array_add (c->indicators, indicator_copy (g_ptr_array_index (p->indicators, i)));
    }
  return c;
}

static void
task_free (gpointer data)
{
  YusuanTask *t = data;

  g_free (t->name);
  g_free (t->text);
  g_free (t);
}

static YusuanTask *
task_copy (const YusuanTask *t)
{
  YusuanTask *c = g_new0 (YusuanTask, 1);

  c->name = g_strdup (t->name);
  c->text = g_strdup (t->text);
  return c;
}

static void
procurement_item_free (gpointer data)
{
  YusuanProcurementItem *p = data;

  g_free (p->project);
  g_free (p->name);
  g_free (p);
}

static YusuanProcurementItem *
procurement_item_copy (const YusuanProcurementItem *p)
{
  YusuanProcurementItem *c = g_new0 (YusuanProcurementItem, 1);

  c->category = p->category;
  c->amount = p->amount;
  c->project = g_strdup (p->project);
  c->name = g_strdup (p->name);
  return c;
}

static void
explanation_free (gpointer data)
{
  YusuanExplanation *e = data;

  g_free (e->topic);
  g_free (e->text);
  g_free (e);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op == NULL)
    return;
  unit_free (op->unit);
  g_free (op->revenue);
  g_free (op->line);
  project_free (op->project);
  indicator_free (op->indicator);
  g_free (op->department_code);
  g_free (op->department_name);
  g_free (op->region);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->strings, g_ptr_array_unref);
  g_free (op->topic);
  g_free (op->text);
  g_free (op);
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  return op;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static Step *
step_new (const char *label,
          guint       serial)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func (op_free);
  step->serial = serial;
  return step;
}

static void
copy_code (char       *dest,
           gsize       size,
           const char *src)
{
  g_strlcpy (dest, src ? src : "", size);
}

static void
sum_adjust (YusuanDocument *self,
            YusuanAmount   *sum,
            YusuanAmount    removed,
            YusuanAmount    added)
{
  if (!yusuan_amount_add_checked (sum, -removed) ||
      !yusuan_amount_add_checked (sum, added))
    self->sums_overflowed = TRUE;
}

/* ------------------------------------------------------------------------ */
/* Change notification                                                       */
/* ------------------------------------------------------------------------ */

static void
emit (YusuanDocument     *self,
      const YusuanChange *change)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0, change);
}

static void
emit_simple (YusuanDocument   *self,
             YusuanChangeKind  kind)
{
  YusuanChange change = { .kind = kind };

  emit (self, &change);
}

static YusuanProject *
lookup_project (YusuanDocument *self,
                guint           id)
{
  return g_hash_table_lookup (self->projects_by_id, GUINT_TO_POINTER (id));
}

static GPtrArray *
indicators_of (YusuanDocument *self,
               guint           project_id)
{
  YusuanProject *project;

  if (project_id == 0)
    return self->dept_indicators;
  project = lookup_project (self, project_id);
  return project ? project->indicators : NULL;
}

/* code -> the first element with it, in document order (codes may repeat:
 * the rules say so). @offset is that of the struct's char *code. */
static GHashTable *
index_by_code (GPtrArray *array,
               goffset    offset)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < array->len; i++)
    {
      gpointer element = g_ptr_array_index (array, i);
      const char *code = G_STRUCT_MEMBER (const char *, element, offset);

      if (code != NULL && !g_hash_table_contains (index, code))
        g_hash_table_insert (index, (gpointer) code, element);
    }
  return index;
}

static int
find_index_by_id (GPtrArray *array,
                  guint      id)
{
  /* Every struct we keep in arrays starts with its guint id. */
  for (guint i = 0; i < array->len; i++)
    if (*(guint *) g_ptr_array_index (array, i) == id)
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------ */
/* Applying operations: each returns its inverse                             */
/* ------------------------------------------------------------------------ */

static Op *
apply_header (YusuanDocument *self,
              Op             *op)
{
  Op *inverse = op_new (OP_HEADER);

  inverse->fiscal_year = self->fiscal_year;
  inverse->stage = self->stage;
  inverse->department_code = g_steal_pointer (&self->department_code);
  inverse->department_name = g_steal_pointer (&self->department_name);
  inverse->region = g_steal_pointer (&self->region);

  self->fiscal_year = op->fiscal_year;
  self->stage = op->stage;
  self->department_code = g_strdup (op->department_code ? op->department_code : "");
  self->department_name = g_strdup (op->department_name ? op->department_name : "");
  self->region = g_strdup (op->region);

  emit_simple (self, YUSUAN_CHANGE_HEADER);
  return inverse;
}

static Op *
apply_unit (YusuanDocument *self,
            Op             *op)
{
  Op *inverse = NULL;
  int index;

  switch (op->kind)
    {
    case OP_UNIT_INSERT:
      {
        YusuanUnit *unit = unit_copy (op->unit);
        YusuanChange change = { .kind = YUSUAN_CHANGE_UNIT_ADDED, .unit = unit };

        g_ptr_array_insert (self->units, MIN (op->index, self->units->len), unit);
        inverse = op_new (OP_UNIT_DELETE);
        inverse->id = unit->id;
        emit (self, &change);
      }
      break;

    case OP_UNIT_DELETE:
      {
        YusuanUnit *unit;
        YusuanChange change = { .kind = YUSUAN_CHANGE_UNIT_REMOVED };

        index = find_index_by_id (self->units, op->id);
        g_return_val_if_fail (index >= 0, NULL);
        unit = g_ptr_array_steal_index (self->units, index);
        inverse = op_new (OP_UNIT_INSERT);
        inverse->unit = unit;
        inverse->index = index;
        change.unit = unit;
        emit (self, &change);
      }
      break;

    case OP_UNIT_SET:
      {
        YusuanUnit *unit;
        YusuanChange change = { .kind = YUSUAN_CHANGE_UNIT_CHANGED };

        index = find_index_by_id (self->units, op->id);
        g_return_val_if_fail (index >= 0, NULL);
        unit = g_ptr_array_index (self->units, index);
        inverse = op_new (OP_UNIT_SET);
        inverse->id = op->id;
        inverse->unit = unit_copy (unit);
        g_free (unit->code);
        g_free (unit->name);
        unit->code = g_strdup (op->unit->code);
        unit->name = g_strdup (op->unit->name);
        unit->kind = op->unit->kind;
        change.unit = unit;
        change.old_unit = inverse->unit;
        emit (self, &change);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return inverse;
}

static Op *
apply_revenue (YusuanDocument *self,
               Op             *op)
{
  Op *inverse = NULL;
  int index;

  switch (op->kind)
    {
    case OP_REVENUE_INSERT:
      {
        YusuanRevenue *revenue = revenue_copy (op->revenue);
        YusuanChange change = { .kind = YUSUAN_CHANGE_REVENUE_ADDED, .revenue = revenue };

        g_ptr_array_insert (self->revenues, MIN (op->index, self->revenues->len), revenue);
        g_hash_table_insert (self->revenues_by_id, GUINT_TO_POINTER (revenue->id), revenue);
        sum_adjust (self, &self->revenue_sum, 0, revenue->amount);
        inverse = op_new (OP_REVENUE_DELETE);
        inverse->id = revenue->id;
        emit (self, &change);
      }
      break;

    case OP_REVENUE_DELETE:
      {
        YusuanRevenue *revenue;
        YusuanChange change = { .kind = YUSUAN_CHANGE_REVENUE_REMOVED };

        index = find_index_by_id (self->revenues, op->id);
        g_return_val_if_fail (index >= 0, NULL);
        revenue = g_ptr_array_steal_index (self->revenues, index);
        g_hash_table_remove (self->revenues_by_id, GUINT_TO_POINTER (revenue->id));
        sum_adjust (self, &self->revenue_sum, revenue->amount, 0);
        inverse = op_new (OP_REVENUE_INSERT);
        inverse->revenue = revenue;
        inverse->index = index;
        change.revenue = revenue;
        emit (self, &change);
      }
      break;

    case OP_REVENUE_SET:
      {
        YusuanRevenue *revenue = g_hash_table_lookup (self->revenues_by_id, GUINT_TO_POINTER (op->id));
        YusuanChange change = { .kind = YUSUAN_CHANGE_REVENUE_CHANGED };

        g_return_val_if_fail (revenue != NULL, NULL);
        inverse = op_new (OP_REVENUE_SET);
        inverse->id = op->id;
        inverse->revenue = revenue_copy (revenue);
        *revenue = *op->revenue;
        revenue->id = op->id;
        sum_adjust (self, &self->revenue_sum, inverse->revenue->amount, revenue->amount);
        change.revenue = revenue;
        change.old_revenue = inverse->revenue;
        emit (self, &change);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return inverse;
}

static GPtrArray *
lines_container (YusuanDocument  *self,
                 guint            project_id,
                 YusuanProject  **out_project)
{
  YusuanProject *project = NULL;

  if (project_id != 0)
    {
      project = lookup_project (self, project_id);
      if (out_project)
        *out_project = project;
      return project ? project->lines : NULL;
    }
  if (out_project)
    *out_project = NULL;
  return self->basic_lines;
}

static void
insert_line (YusuanDocument *self,
             YusuanLine     *line,
             guint           index)
{
  YusuanProject *project = NULL;
  GPtrArray *container = lines_container (self, line->project_id, &project);
  YusuanChange change = { .kind = YUSUAN_CHANGE_LINE_ADDED };

  g_return_if_fail (container != NULL);
  if (project != NULL)
    {
      memcpy (line->unit, project->unit, sizeof line->unit);
      line->category = YUSUAN_CATEGORY_PUBLIC;
    }
  g_ptr_array_insert (container, MIN (index, container->len), line);
  g_hash_table_insert (self->lines_by_id, GUINT_TO_POINTER (line->id), line);
  self->n_lines++;
  sum_adjust (self, &self->line_sum, 0, line->amount);
  change.line = line;
  change.project = project;
  emit (self, &change);
}

/* Takes the line out and returns it (owned), with its position. */
static YusuanLine *
steal_line (YusuanDocument *self,
            guint           id,
            guint          *out_index)
{
  YusuanLine *line = g_hash_table_lookup (self->lines_by_id, GUINT_TO_POINTER (id));
  YusuanProject *project = NULL;
  GPtrArray *container;
  YusuanChange change = { .kind = YUSUAN_CHANGE_LINE_REMOVED };
  int index;

  g_return_val_if_fail (line != NULL, NULL);
  container = lines_container (self, line->project_id, &project);
  g_return_val_if_fail (container != NULL, NULL);

  /* Edits mostly touch the end of a long list (new lines, pasted rows):
   * search from the back. */
  index = -1;
  for (guint i = container->len; i > 0; i--)
    if (g_ptr_array_index (container, i - 1) == line)
      {
        index = (int) i - 1;
        break;
      }
  g_return_val_if_fail (index >= 0, NULL);

  g_ptr_array_steal_index (container, index);
  g_hash_table_remove (self->lines_by_id, GUINT_TO_POINTER (id));
  self->n_lines--;
  sum_adjust (self, &self->line_sum, line->amount, 0);
  change.line = line;
  change.project = project;
  emit (self, &change);

  if (out_index)
    *out_index = index;
  return line;
}

static Op *
apply_line (YusuanDocument *self,
            Op             *op)
{
  Op *inverse = NULL;

  switch (op->kind)
    {
    case OP_LINE_INSERT:
      {
        YusuanLine *line = line_copy (op->line);

        insert_line (self, line, op->index);
        inverse = op_new (OP_LINE_DELETE);
        inverse->id = line->id;
      }
      break;

    case OP_LINE_DELETE:
      {
        guint index = 0;
        YusuanLine *line = steal_line (self, op->id, &index);

        g_return_val_if_fail (line != NULL, NULL);
        inverse = op_new (OP_LINE_INSERT);
        inverse->line = line;
        inverse->index = index;
      }
      break;

    case OP_LINE_SET:
      {
        YusuanLine *line = g_hash_table_lookup (self->lines_by_id, GUINT_TO_POINTER (op->id));
        YusuanProject *project = NULL;
        YusuanChange change = { .kind = YUSUAN_CHANGE_LINE_CHANGED };

        g_return_val_if_fail (line != NULL, NULL);
        inverse = op_new (OP_LINE_SET);
        inverse->id = op->id;
        inverse->line = line_copy (line);

        /* A line stays where it is: moving between projects is remove + add. */
        *line = *op->line;
        line->id = op->id;
        line->project_id = inverse->line->project_id;
        sum_adjust (self, &self->line_sum, inverse->line->amount, line->amount);
        if (line->project_id != 0)
          {
            project = lookup_project (self, line->project_id);
            memcpy (line->unit, inverse->line->unit, sizeof line->unit);
            line->category = YUSUAN_CATEGORY_PUBLIC;
          }
        change.line = line;
        change.old_line = inverse->line;
        change.project = project;
        emit (self, &change);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return inverse;
}

static Op *
apply_project (YusuanDocument *self,
               Op             *op)
{
  Op *inverse = NULL;

  switch (op->kind)
    {
    case OP_PROJECT_INSERT:
      {
        /* The project arrives with its lines and indicators; announce the
         * project first, then each line, so listeners can place them. */
        YusuanProject *source = op->project;
        YusuanProject *project = project_copy (source, FALSE);
        YusuanChange change = { .kind = YUSUAN_CHANGE_PROJECT_ADDED, .project = project };

        project->lines = g_ptr_array_new_with_free_func (g_free);
        project->indicators = g_ptr_array_new_with_free_func (indicator_free);
        for (guint i = 0; i < source->indicators->len; i++)
          g_ptr_array_add (project->indicators, indicator_copy (g_ptr_array_index (source->indicators, i)));

        g_ptr_array_insert (self->projects, MIN (op->index, self->projects->len), project);
        g_hash_table_insert (self->projects_by_id, GUINT_TO_POINTER (project->id), project);
        emit (self, &change);

        for (guint i = 0; i < source->lines->len; i++)
          {
            YusuanLine *line = line_copy (g_ptr_array_index (source->lines, i));

            line->project_id = project->id;
            insert_line (self, line, project->lines->len);
          }

        if (project->indicators->len > 0)
          {
            YusuanChange ind = { .kind = YUSUAN_CHANGE_INDICATORS, .project = project };

            emit (self, &ind);
          }

        inverse = op_new (OP_PROJECT_DELETE);
        inverse->id = project->id;
      }
      break;

    case OP_PROJECT_DELETE:
      {
        YusuanProject *project = lookup_project (self, op->id);
        YusuanProject *saved;
        YusuanChange change = { .kind = YUSUAN_CHANGE_PROJECT_REMOVED };
        int index;

        g_return_val_if_fail (project != NULL, NULL);
        index = find_index_by_id (self->projects, op->id);
        saved = project_copy (project, TRUE);

        while (project->lines->len > 0)
          {
            YusuanLine *line = g_ptr_array_index (project->lines, project->lines->len - 1);

            g_free (steal_line (self, line->id, NULL));
          }

        g_hash_table_remove (self->projects_by_id, GUINT_TO_POINTER (op->id));
        g_ptr_array_steal_index (self->projects, index);
        change.project = project;
        emit (self, &change);
        project_free (project);

        inverse = op_new (OP_PROJECT_INSERT);
        inverse->project = saved;
        inverse->index = index;
      }
      break;

    case OP_PROJECT_SET:
      {
        YusuanProject *project = lookup_project (self, op->id);
        YusuanProject *old;
        YusuanChange change = { .kind = YUSUAN_CHANGE_PROJECT_CHANGED };
        gboolean unit_changed;

        g_return_val_if_fail (project != NULL, NULL);
        old = project_copy (project, FALSE);
        unit_changed = strcmp (project->unit, op->project->unit) != 0;

        g_free (project->code);
        g_free (project->name);
        g_free (project->description);
        project->code = g_strdup (op->project->code);
        project->name = g_strdup (op->project->name);
        project->description = g_strdup (op->project->description);
        project->kind = op->project->kind;
        memcpy (project->unit, op->project->unit, sizeof project->unit);

        /* A project line's unit is its project's: keep them in step and say so. */
        if (unit_changed)
          for (guint i = 0; i < project->lines->len; i++)
            {
              YusuanLine *line = g_ptr_array_index (project->lines, i);
              YusuanLine before = *line;
              YusuanChange lc = { .kind = YUSUAN_CHANGE_LINE_CHANGED, .line = line,
                                  .old_line = &before, .project = project };

              memcpy (line->unit, project->unit, sizeof line->unit);
              emit (self, &lc);
            }

        change.project = project;
        change.old_project = old;
        emit (self, &change);

        inverse = op_new (OP_PROJECT_SET);
        inverse->id = op->id;
        inverse->project = old;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return inverse;
}

static Op *
apply_indicator (YusuanDocument *self,
                 Op             *op)
{
  GPtrArray *indicators = indicators_of (self, op->project_id);
  YusuanChange change = { .kind = YUSUAN_CHANGE_INDICATORS };
  Op *inverse = NULL;
  int index;

  g_return_val_if_fail (indicators != NULL, NULL);
  change.project = op->project_id ? lookup_project (self, op->project_id) : NULL;

  switch (op->kind)
    {
    case OP_INDICATOR_INSERT:
      {
        YusuanIndicator *indicator = indicator_copy (op->indicator);

        g_ptr_array_insert (indicators, MIN (op->index, indicators->len), indicator);
        inverse = op_new (OP_INDICATOR_DELETE);
        inverse->id = indicator->id;
      }
      break;

    case OP_INDICATOR_DELETE:
      index = find_index_by_id (indicators, op->id);
      g_return_val_if_fail (index >= 0, NULL);
      inverse = op_new (OP_INDICATOR_INSERT);
      inverse->indicator = g_ptr_array_steal_index (indicators, index);
      inverse->index = index;
      break;

    case OP_INDICATOR_SET:
      {
        YusuanIndicator *indicator;

        index = find_index_by_id (indicators, op->id);
        g_return_val_if_fail (index >= 0, NULL);
        indicator = g_ptr_array_index (indicators, index);
        inverse = op_new (OP_INDICATOR_SET);
        inverse->id = op->id;
        inverse->indicator = indicator;
        indicator = indicator_copy (op->indicator);
        indicator->id = op->id;
        g_ptr_array_index (indicators, index) = indicator;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  inverse->project_id = op->project_id;
  emit (self, &change);
  return inverse;
}

static Op *
apply_section (YusuanDocument *self,
               Op             *op)
{
  Op *inverse = op_new (op->kind);

  switch (op->kind)
    {
    case OP_THREE_PUBLIC:
      inverse->present = self->has_three_public;
      memcpy (inverse->amounts, self->three_public, sizeof self->three_public);
      self->has_three_public = op->present;
      memcpy (self->three_public, op->amounts, sizeof self->three_public);
      emit_simple (self, YUSUAN_CHANGE_THREE_PUBLIC);
      break;

    case OP_PROCUREMENT:
      inverse->items = g_steal_pointer (&self->procurement);
      self->procurement = g_ptr_array_new_with_free_func (procurement_item_free);
      for (guint i = 0; i < op->items->len; i++)
        g_ptr_array_add (self->procurement, procurement_item_copy (g_ptr_array_index (op->items, i)));
      emit_simple (self, YUSUAN_CHANGE_PROCUREMENT);
      break;

    case OP_ASSETS:
      inverse->present = self->has_assets;
      memcpy (inverse->counts, self->assets, sizeof self->assets);
      self->has_assets = op->present;
      memcpy (self->assets, op->counts, sizeof self->assets);
      emit_simple (self, YUSUAN_CHANGE_ASSETS);
      break;

    case OP_PERFORMANCE:
      inverse->present = self->has_performance;
      inverse->strings = g_steal_pointer (&self->duties);
      inverse->items = g_steal_pointer (&self->tasks);
      self->has_performance = op->present;
      self->duties = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < op->strings->len; i++)
        g_ptr_array_add (self->duties, g_strdup (g_ptr_array_index (op->strings, i)));
      self->tasks = g_ptr_array_new_with_free_func (task_free);
      for (guint i = 0; i < op->items->len; i++)
        g_ptr_array_add (self->tasks, task_copy (g_ptr_array_index (op->items, i)));
      emit_simple (self, YUSUAN_CHANGE_PERFORMANCE);
      break;

    case OP_EXPLANATION:
      {
        int found = -1;

        for (guint i = 0; i < self->explanations->len; i++)
          {
            YusuanExplanation *e = g_ptr_array_index (self->explanations, i);

            if (g_strcmp0 (e->topic, op->topic) == 0)
              {
                found = (int) i;
                break;
              }
          }

        inverse->topic = g_strdup (op->topic);
        if (found >= 0)
          {
            YusuanExplanation *e = g_ptr_array_index (self->explanations, found);

            inverse->text = g_strdup (e->text);
            inverse->index = found;
            if (op->text == NULL)
              g_ptr_array_remove_index (self->explanations, found);
            else
              {
                g_free (e->text);
                e->text = g_strdup (op->text);
              }
          }
        else if (op->text != NULL)
          {
            YusuanExplanation *e = g_new0 (YusuanExplanation, 1);

            e->topic = g_strdup (op->topic);
            e->text = g_strdup (op->text);
            g_ptr_array_insert (self->explanations, MIN (op->index, self->explanations->len), e);
          }
        emit_simple (self, YUSUAN_CHANGE_EXPLANATIONS);
      }
      break;

    case OP_PRIOR_YEAR:
      inverse->present = self->has_prior;
      inverse->fiscal_year = self->prior_year;
      memcpy (inverse->has, self->prior_has, sizeof self->prior_has);
      memcpy (inverse->amounts, self->prior, sizeof self->prior);
      self->has_prior = op->present;
      self->prior_year = op->fiscal_year;
      memcpy (self->prior_has, op->has, sizeof self->prior_has);
      memcpy (self->prior, op->amounts, sizeof self->prior);
      emit_simple (self, YUSUAN_CHANGE_PRIOR_YEAR);
      break;

    case OP_CONTROL_NUMBERS:
      inverse->present = self->has_control;
      memcpy (inverse->has, self->control_has, sizeof self->control_has);
      memcpy (inverse->amounts, self->control, sizeof self->control);
      self->has_control = op->present;
      memcpy (self->control_has, op->has, sizeof self->control_has);
      memcpy (self->control, op->amounts, sizeof self->control);
      emit_simple (self, YUSUAN_CHANGE_CONTROL_NUMBERS);
      break;

    default:
      g_assert_not_reached ();
    }

  return inverse;
}

/* Listeners may look codes up while an operation is half done: the code
 * indexes are dropped before it and again after it. */
static void
drop_code_indexes (YusuanDocument *self,
                   OpKind          kind)
{
  if (kind >= OP_UNIT_INSERT && kind <= OP_UNIT_SET)
    g_clear_pointer (&self->units_by_code, g_hash_table_unref);
  if (kind >= OP_PROJECT_INSERT && kind <= OP_PROJECT_SET)
    g_clear_pointer (&self->projects_by_code, g_hash_table_unref);
}

static Op *
apply_op_kind (YusuanDocument *self,
               Op             *op)
{
  switch (op->kind)
    {
    case OP_HEADER:
      return apply_header (self, op);
    case OP_UNIT_INSERT:
    case OP_UNIT_DELETE:
    case OP_UNIT_SET:
      return apply_unit (self, op);
    case OP_REVENUE_INSERT:
    case OP_REVENUE_DELETE:
    case OP_REVENUE_SET:
      return apply_revenue (self, op);
    case OP_LINE_INSERT:
    case OP_LINE_DELETE:
    case OP_LINE_SET:
      return apply_line (self, op);
    case OP_PROJECT_INSERT:
    case OP_PROJECT_DELETE:
    case OP_PROJECT_SET:
      return apply_project (self, op);
    case OP_INDICATOR_INSERT:
    case OP_INDICATOR_DELETE:
    case OP_INDICATOR_SET:
      return apply_indicator (self, op);
    case OP_THREE_PUBLIC:
    case OP_PROCUREMENT:
    case OP_ASSETS:
    case OP_PERFORMANCE:
    case OP_EXPLANATION:
    case OP_PRIOR_YEAR:
    case OP_CONTROL_NUMBERS:
      return apply_section (self, op);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static Op *
apply_op (YusuanDocument *self,
          Op             *op)
{
  Op *inverse;

  drop_code_indexes (self, op->kind);
  inverse = apply_op_kind (self, op);
  drop_code_indexes (self, op->kind);
  return inverse;
}

/* ------------------------------------------------------------------------ */
/* Undo bookkeeping                                                          */
/* ------------------------------------------------------------------------ */

static void
notify_undo_state (YusuanDocument *self,
                   gboolean        could_undo,
                   gboolean        could_redo,
                   gboolean        was_modified)
{
  if (could_undo != yusuan_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != yusuan_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != yusuan_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Applies @op (consumed) as an edit: recorded in the open step, or as a step
 * of its own, named @label (untranslated: a load, which records no step, does
 * not look up a translation for each of a city's hundred thousand lines). */
static void
run (YusuanDocument *self,
     Op             *op,
     const char     *label)
{
  Op *inverse;

  if (self->loading)
    {
      op_free (apply_op (self, op));
      op_free (op);
      return;
    }

  yusuan_document_begin_group (self, _(label));
  inverse = apply_op (self, op);
  op_free (op);
  if (inverse != NULL)
    g_ptr_array_add (self->open_step->ops, inverse);
  yusuan_document_end_group (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */
/* ------------------------------------------------------------------------ */

static void
yusuan_document_finalize (GObject *object)
{
  YusuanDocument *self = (YusuanDocument *) object;

  g_free (self->department_code);
  g_free (self->department_name);
  g_free (self->region);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->revenues, g_ptr_array_unref);
  g_clear_pointer (&self->basic_lines, g_ptr_array_unref);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->dept_indicators, g_ptr_array_unref);
  g_clear_pointer (&self->lines_by_id, g_hash_table_unref);
  g_clear_pointer (&self->revenues_by_id, g_hash_table_unref);
  g_clear_pointer (&self->projects_by_id, g_hash_table_unref);
  g_clear_pointer (&self->units_by_code, g_hash_table_unref);
  g_clear_pointer (&self->projects_by_code, g_hash_table_unref);
  g_clear_pointer (&self->procurement, g_ptr_array_unref);
  g_clear_pointer (&self->duties, g_ptr_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->explanations, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_step, step_free);

  G_OBJECT_CLASS (yusuan_document_parent_class)->finalize (object);
}

static void
yusuan_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  YusuanDocument *self = YUSUAN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, yusuan_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, yusuan_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, yusuan_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yusuan_document_class_init (YusuanDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = yusuan_document_finalize;
  object_class->get_property = yusuan_document_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * YusuanDocument::changed:
   * @change: (type gpointer): a YusuanChange, valid during the emission
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
yusuan_document_init (YusuanDocument *self)
{
  self->fiscal_year = 2000;
  self->stage = YUSUAN_STAGE_FIRST_PROPOSAL;
  self->department_code = g_strdup ("");
  self->department_name = g_strdup ("");
  self->units = g_ptr_array_new_with_free_func (unit_free);
  self->revenues = g_ptr_array_new_with_free_func (g_free);
  self->basic_lines = g_ptr_array_new_with_free_func (g_free);
  self->projects = g_ptr_array_new_with_free_func (project_free);
  self->dept_indicators = g_ptr_array_new_with_free_func (indicator_free);
  self->lines_by_id = g_hash_table_new (NULL, NULL);
  self->revenues_by_id = g_hash_table_new (NULL, NULL);
  self->projects_by_id = g_hash_table_new (NULL, NULL);
  self->procurement = g_ptr_array_new_with_free_func (procurement_item_free);
  self->duties = g_ptr_array_new_with_free_func (g_free);
  self->tasks = g_ptr_array_new_with_free_func (task_free);
  self->explanations = g_ptr_array_new_with_free_func (explanation_free);
  self->undo_stack = g_ptr_array_new_with_free_func (step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (step_free);
  self->next_id = 1;
  self->next_serial = 1;
  self->saved_serial = 0;
}

YusuanDocument *
yusuan_document_new (void)
{
  return g_object_new (YUSUAN_TYPE_DOCUMENT, NULL);
}

/* ------------------------------------------------------------------------ */
/* Header                                                                    */
/* ------------------------------------------------------------------------ */

int
yusuan_document_get_fiscal_year (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->fiscal_year;
}

YusuanStage
yusuan_document_get_stage (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->stage;
}

const char *
yusuan_document_get_department_code (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return self->department_code;
}

const char *
yusuan_document_get_department_name (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return self->department_name;
}

const char *
yusuan_document_get_region (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return self->region;
}

void
yusuan_document_set_header (YusuanDocument *self,
                            int             fiscal_year,
                            YusuanStage     stage,
                            const char     *department_code,
                            const char     *department_name,
                            const char     *region)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (stage < YUSUAN_N_STAGES);

  op = op_new (OP_HEADER);
  op->fiscal_year = fiscal_year;
  op->stage = stage;
  op->department_code = g_strdup (department_code);
  op->department_name = g_strdup (department_name);
  op->region = region && *region ? g_strdup (region) : NULL;
  run (self, op, N_("Change department"));
}

/* ------------------------------------------------------------------------ */
/* Units                                                                     */
/* ------------------------------------------------------------------------ */

guint
yusuan_document_get_n_units (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->units->len;
}

const YusuanUnit *
yusuan_document_get_unit (YusuanDocument *self,
                          guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->units->len, NULL);
  return g_ptr_array_index (self->units, index);
}

const YusuanUnit *
yusuan_document_find_unit (YusuanDocument *self,
                           const char     *code)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);

  if (code == NULL)
    return NULL;
  if (self->units_by_code == NULL)
    self->units_by_code = index_by_code (self->units, G_STRUCT_OFFSET (YusuanUnit, code));
  return g_hash_table_lookup (self->units_by_code, code);
}

const YusuanUnit *
yusuan_document_add_unit (YusuanDocument *self,
                          const char     *code,
                          const char     *name,
                          YusuanUnitKind  kind)
{
  YusuanUnit unit = { 0 };
  Op *op;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (kind < YUSUAN_N_UNIT_KINDS, NULL);

  unit.id = self->next_id++;
  unit.code = (char *) code;
  unit.name = (char *) (name ? name : "");
  unit.kind = kind;

  op = op_new (OP_UNIT_INSERT);
  op->unit = unit_copy (&unit);
  op->index = self->units->len;
  run (self, op, N_("Add unit"));
  return g_ptr_array_index (self->units, self->units->len - 1);
}

void
yusuan_document_set_unit (YusuanDocument *self,
                          guint           unit_id,
                          const char     *code,
                          const char     *name,
                          YusuanUnitKind  kind)
{
  YusuanUnit unit = { 0 };
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (find_index_by_id (self->units, unit_id) >= 0);
  g_return_if_fail (code != NULL);
  g_return_if_fail (kind < YUSUAN_N_UNIT_KINDS);

  unit.id = unit_id;
  unit.code = (char *) code;
  unit.name = (char *) (name ? name : "");
  unit.kind = kind;

  op = op_new (OP_UNIT_SET);
  op->id = unit_id;
  op->unit = unit_copy (&unit);
  run (self, op, N_("Change unit"));
}

void
yusuan_document_remove_unit (YusuanDocument *self,
                             guint           unit_id)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (find_index_by_id (self->units, unit_id) >= 0);

  op = op_new (OP_UNIT_DELETE);
  op->id = unit_id;
  run (self, op, N_("Remove unit"));
}

/* ------------------------------------------------------------------------ */
/* Revenues                                                                  */
/* ------------------------------------------------------------------------ */

guint
yusuan_document_get_n_revenues (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->revenues->len;
}

const YusuanRevenue *
yusuan_document_get_revenue (YusuanDocument *self,
                             guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->revenues->len, NULL);
  return g_ptr_array_index (self->revenues, index);
}

const YusuanRevenue *
yusuan_document_lookup_revenue (YusuanDocument *self,
                                guint           revenue_id)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->revenues_by_id, GUINT_TO_POINTER (revenue_id));
}

const YusuanRevenue *
yusuan_document_add_revenue (YusuanDocument *self,
                             const char     *unit,
                             YusuanFund      source,
                             YusuanAmount    amount)
{
  YusuanRevenue revenue = { 0 };
  Op *op;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (source < YUSUAN_N_FUNDS, NULL);

  revenue.id = self->next_id++;
  copy_code (revenue.unit, sizeof revenue.unit, unit);
  revenue.source = source;
  revenue.amount = amount;

  op = op_new (OP_REVENUE_INSERT);
  op->revenue = revenue_copy (&revenue);
  op->index = self->revenues->len;
  run (self, op, N_("Add revenue"));
  return g_hash_table_lookup (self->revenues_by_id, GUINT_TO_POINTER (revenue.id));
}

void
yusuan_document_set_revenue (YusuanDocument      *self,
                             guint                revenue_id,
                             const YusuanRevenue *values)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (values != NULL);
  g_return_if_fail (values->source < YUSUAN_N_FUNDS);
  g_return_if_fail (g_hash_table_contains (self->revenues_by_id, GUINT_TO_POINTER (revenue_id)));

  op = op_new (OP_REVENUE_SET);
  op->id = revenue_id;
  op->revenue = revenue_copy (values);
  op->revenue->id = revenue_id;
  op->revenue->unit[sizeof op->revenue->unit - 1] = '\0';
  run (self, op, N_("Change revenue"));
}

void
yusuan_document_remove_revenue (YusuanDocument *self,
                                guint           revenue_id)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (g_hash_table_contains (self->revenues_by_id, GUINT_TO_POINTER (revenue_id)));

  op = op_new (OP_REVENUE_DELETE);
  op->id = revenue_id;
  run (self, op, N_("Remove revenue"));
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                     */
/* ------------------------------------------------------------------------ */

guint
yusuan_document_get_n_basic_lines (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->basic_lines->len;
}

const YusuanLine *
yusuan_document_get_basic_line (YusuanDocument *self,
                                guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->basic_lines->len, NULL);
  return g_ptr_array_index (self->basic_lines, index);
}

const YusuanLine *
yusuan_document_lookup_line (YusuanDocument *self,
                             guint           line_id)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->lines_by_id, GUINT_TO_POINTER (line_id));
}

static void
sanitize_line (YusuanLine *line)
{
  line->unit[sizeof line->unit - 1] = '\0';
  line->function[sizeof line->function - 1] = '\0';
  line->econ_dept[sizeof line->econ_dept - 1] = '\0';
  line->econ_gov[sizeof line->econ_gov - 1] = '\0';
}

const YusuanLine *
yusuan_document_add_line (YusuanDocument   *self,
                          const YusuanLine *values)
{
  GPtrArray *container;
  Op *op;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (values->fund < YUSUAN_N_FUNDS, NULL);
  g_return_val_if_fail (values->category < YUSUAN_N_CATEGORIES, NULL);

  container = lines_container (self, values->project_id, NULL);
  g_return_val_if_fail (container != NULL, NULL);

  op = op_new (OP_LINE_INSERT);
  op->line = line_copy (values);
  op->line->id = self->next_id++;
  sanitize_line (op->line);
  op->index = container->len;
  run (self, op, N_("Add line"));
  return g_ptr_array_index (container, container->len - 1);
}

void
yusuan_document_set_line (YusuanDocument   *self,
                          guint             line_id,
                          const YusuanLine *values)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (values != NULL);
  g_return_if_fail (values->fund < YUSUAN_N_FUNDS);
  g_return_if_fail (values->category < YUSUAN_N_CATEGORIES);
  g_return_if_fail (g_hash_table_contains (self->lines_by_id, GUINT_TO_POINTER (line_id)));

  op = op_new (OP_LINE_SET);
  op->id = line_id;
  op->line = line_copy (values);
  op->line->id = line_id;
  sanitize_line (op->line);
  run (self, op, N_("Change line"));
}

void
yusuan_document_set_line_amount (YusuanDocument *self,
                                 guint           line_id,
                                 YusuanAmount    amount)
{
  const YusuanLine *line;
  YusuanLine values;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  line = g_hash_table_lookup (self->lines_by_id, GUINT_TO_POINTER (line_id));
  g_return_if_fail (line != NULL);

  if (line->amount == amount)
    return;
  values = *line;
  values.amount = amount;
  yusuan_document_set_line (self, line_id, &values);
}

void
yusuan_document_remove_line (YusuanDocument *self,
                             guint           line_id)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (g_hash_table_contains (self->lines_by_id, GUINT_TO_POINTER (line_id)));

  op = op_new (OP_LINE_DELETE);
  op->id = line_id;
  run (self, op, N_("Remove line"));
}

void
yusuan_document_foreach_line (YusuanDocument *self,
                              void          (*func) (const YusuanLine *line, gpointer user_data),
                              gpointer        user_data)
{
  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < self->basic_lines->len; i++)
    func (g_ptr_array_index (self->basic_lines, i), user_data);
  for (guint p = 0; p < self->projects->len; p++)
    {
      YusuanProject *project = g_ptr_array_index (self->projects, p);

      for (guint i = 0; i < project->lines->len; i++)
        func (g_ptr_array_index (project->lines, i), user_data);
    }
}

guint
yusuan_document_get_n_lines (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->n_lines;
}

/* ------------------------------------------------------------------------ */
/* Projects                                                                  */
/* ------------------------------------------------------------------------ */

guint
yusuan_document_get_n_projects (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->projects->len;
}

const YusuanProject *
yusuan_document_get_project (YusuanDocument *self,
                             guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->projects->len, NULL);
  return g_ptr_array_index (self->projects, index);
}

const YusuanProject *
yusuan_document_lookup_project (YusuanDocument *self,
                                guint           project_id)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  return lookup_project (self, project_id);
}

const YusuanProject *
yusuan_document_find_project (YusuanDocument *self,
                              const char     *code)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);

  if (code == NULL)
    return NULL;
  if (self->projects_by_code == NULL)
    self->projects_by_code = index_by_code (self->projects, G_STRUCT_OFFSET (YusuanProject, code));
  return g_hash_table_lookup (self->projects_by_code, code);
}

static YusuanProject *
project_fields (guint              id,
                const char        *code,
                const char        *name,
                const char        *unit,
                YusuanProjectKind  kind,
                const char        *description)
{
  YusuanProject *project = g_new0 (YusuanProject, 1);

  project->id = id;
  project->code = g_strdup (code ? code : "");
  project->name = g_strdup (name ? name : "");
  copy_code (project->unit, sizeof project->unit, unit);
  project->kind = kind;
  project->description = description && *description ? g_strdup (description) : NULL;
  return project;
}

const YusuanProject *
yusuan_document_add_project (YusuanDocument    *self,
                             const char        *code,
                             const char        *name,
                             const char        *unit,
                             YusuanProjectKind  kind,
                             const char        *description)
{
  Op *op;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < YUSUAN_N_PROJECT_KINDS, NULL);

  op = op_new (OP_PROJECT_INSERT);
  op->project = project_fields (self->next_id++, code, name, unit, kind, description);
  op->project->lines = g_ptr_array_new_with_free_func (g_free);
  op->project->indicators = g_ptr_array_new_with_free_func (indicator_free);
  op->index = self->projects->len;
  run (self, op, N_("Add project"));
  return g_ptr_array_index (self->projects, self->projects->len - 1);
}

void
yusuan_document_set_project (YusuanDocument    *self,
                             guint              project_id,
                             const char        *code,
                             const char        *name,
                             const char        *unit,
                             YusuanProjectKind  kind,
                             const char        *description)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (kind < YUSUAN_N_PROJECT_KINDS);
  g_return_if_fail (lookup_project (self, project_id) != NULL);

  op = op_new (OP_PROJECT_SET);
  op->id = project_id;
  op->project = project_fields (project_id, code, name, unit, kind, description);
  run (self, op, N_("Change project"));
}

void
yusuan_document_remove_project (YusuanDocument *self,
                                guint           project_id)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (lookup_project (self, project_id) != NULL);

  op = op_new (OP_PROJECT_DELETE);
  op->id = project_id;
  run (self, op, N_("Remove project"));
}

YusuanAmount
yusuan_project_get_total (const YusuanProject *project)
{
  YusuanAmount total = 0;

  g_return_val_if_fail (project != NULL, 0);

  for (guint i = 0; i < project->lines->len; i++)
    total += ((YusuanLine *) g_ptr_array_index (project->lines, i))->amount;
  return total;
}

/* ------------------------------------------------------------------------ */
/* Indicators                                                                */
/* ------------------------------------------------------------------------ */

guint
yusuan_document_get_n_indicators (YusuanDocument *self,
                                  guint           project_id)
{
  GPtrArray *indicators;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  indicators = indicators_of (self, project_id);
  return indicators ? indicators->len : 0;
}

const YusuanIndicator *
yusuan_document_get_indicator (YusuanDocument *self,
                               guint           project_id,
                               guint           index)
{
  GPtrArray *indicators;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  indicators = indicators_of (self, project_id);
  g_return_val_if_fail (indicators != NULL, NULL);
  g_return_val_if_fail (index < indicators->len, NULL);
  return g_ptr_array_index (indicators, index);
}

const YusuanIndicator *
yusuan_document_lookup_indicator (YusuanDocument *self,
                                  guint           project_id,
                                  guint           indicator_id)
{
  GPtrArray *indicators;
  int index;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);

  indicators = indicators_of (self, project_id);
  if (indicators == NULL)
    return NULL;
  index = find_index_by_id (indicators, indicator_id);
  return index >= 0 ? g_ptr_array_index (indicators, index) : NULL;
}

static YusuanIndicator *
indicator_values (const YusuanIndicator *values,
                  guint                  id)
{
  YusuanIndicator *indicator = indicator_copy (values);

  indicator->id = id;
  /* Empty optional texts are absent: the contract forbids empty names. */
#define EMPTY_TO_NULL(field) if (indicator->field && !*indicator->field) g_clear_pointer (&indicator->field, g_free)
  EMPTY_TO_NULL (level2);
  EMPTY_TO_NULL (value);
  EMPTY_TO_NULL (unit);
  EMPTY_TO_NULL (text);
  EMPTY_TO_NULL (explanation);
#undef EMPTY_TO_NULL
  if (indicator->name == NULL)
    indicator->name = g_strdup ("");
  return indicator;
}

const YusuanIndicator *
yusuan_document_add_indicator (YusuanDocument        *self,
                               guint                  project_id,
                               const YusuanIndicator *values)
{
  GPtrArray *indicators;
  Op *op;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (values->level1 < YUSUAN_N_LEVEL1, NULL);
  g_return_val_if_fail (values->op < YUSUAN_N_OPERATORS, NULL);
  indicators = indicators_of (self, project_id);
  g_return_val_if_fail (indicators != NULL, NULL);

  op = op_new (OP_INDICATOR_INSERT);
  op->project_id = project_id;
  op->indicator = indicator_values (values, self->next_id++);
  op->index = indicators->len;
  run (self, op, N_("Add indicator"));
  return g_ptr_array_index (indicators, indicators->len - 1);
}

void
yusuan_document_set_indicator (YusuanDocument        *self,
                               guint                  project_id,
                               guint                  indicator_id,
                               const YusuanIndicator *values)
{
  GPtrArray *indicators;
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (values != NULL);
  g_return_if_fail (values->level1 < YUSUAN_N_LEVEL1);
  g_return_if_fail (values->op < YUSUAN_N_OPERATORS);
  indicators = indicators_of (self, project_id);
  g_return_if_fail (indicators != NULL);
  g_return_if_fail (find_index_by_id (indicators, indicator_id) >= 0);

  op = op_new (OP_INDICATOR_SET);
  op->project_id = project_id;
  op->id = indicator_id;
  op->indicator = indicator_values (values, indicator_id);
  run (self, op, N_("Change indicator"));
}

void
yusuan_document_remove_indicator (YusuanDocument *self,
                                  guint           project_id,
                                  guint           indicator_id)
{
  GPtrArray *indicators;
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  indicators = indicators_of (self, project_id);
  g_return_if_fail (indicators != NULL);
  g_return_if_fail (find_index_by_id (indicators, indicator_id) >= 0);

  op = op_new (OP_INDICATOR_DELETE);
  op->project_id = project_id;
  op->id = indicator_id;
  run (self, op, N_("Remove indicator"));
}

/* ------------------------------------------------------------------------ */
/* 三公, procurement, assets, performance, explanations, prior year          */
/* ------------------------------------------------------------------------ */

gboolean
yusuan_document_has_three_public (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->has_three_public;
}

YusuanAmount
yusuan_document_get_three_public (YusuanDocument    *self,
                                  YusuanThreePublic  item)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (item < YUSUAN_N_THREE_PUBLIC, 0);
  return self->has_three_public ? self->three_public[item] : 0;
}

void
yusuan_document_set_three_public (YusuanDocument     *self,
                                  const YusuanAmount *amounts)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  op = op_new (OP_THREE_PUBLIC);
  op->present = amounts != NULL;
  if (amounts)
    memcpy (op->amounts, amounts, sizeof (YusuanAmount) * YUSUAN_N_THREE_PUBLIC);
  run (self, op, N_("Change “three public” expenses"));
}

guint
yusuan_document_get_n_procurement (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->procurement->len;
}

const YusuanProcurementItem *
yusuan_document_get_procurement (YusuanDocument *self,
                                 guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->procurement->len, NULL);
  return g_ptr_array_index (self->procurement, index);
}

void
yusuan_document_set_procurement (YusuanDocument              *self,
                                 const YusuanProcurementItem *items,
                                 guint                        n_items)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (items != NULL || n_items == 0);

  op = op_new (OP_PROCUREMENT);
  op->items = g_ptr_array_new_with_free_func (procurement_item_free);
  for (guint i = 0; i < n_items; i++)
    {
      YusuanProcurementItem *item = procurement_item_copy (&items[i]);

      if (item->project && !*item->project)
        g_clear_pointer (&item->project, g_free);
      if (item->name && !*item->name)
        g_clear_pointer (&item->name, g_free);
      g_ptr_array_add (op->items, item);
    }
  run (self, op, N_("Change procurement"));
}

gboolean
yusuan_document_get_assets (YusuanDocument *self,
                            guint64        *vehicles,
                            guint64        *general_equipment,
                            guint64        *special_equipment)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);

  if (vehicles)
    *vehicles = self->assets[0];
  if (general_equipment)
    *general_equipment = self->assets[1];
  if (special_equipment)
    *special_equipment = self->assets[2];
  return self->has_assets;
}

void
yusuan_document_set_assets (YusuanDocument *self,
                            gboolean        present,
                            guint64         vehicles,
                            guint64         general_equipment,
                            guint64         special_equipment)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  op = op_new (OP_ASSETS);
  op->present = present;
  if (present)
    {
      op->counts[0] = vehicles;
      op->counts[1] = general_equipment;
      op->counts[2] = special_equipment;
    }
  run (self, op, N_("Change assets"));
}

gboolean
yusuan_document_has_performance (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->has_performance;
}

guint
yusuan_document_get_n_duties (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->duties->len;
}

const char *
yusuan_document_get_duty (YusuanDocument *self,
                          guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->duties->len, NULL);
  return g_ptr_array_index (self->duties, index);
}

guint
yusuan_document_get_n_tasks (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->tasks->len;
}

const YusuanTask *
yusuan_document_get_task (YusuanDocument *self,
                          guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tasks->len, NULL);
  return g_ptr_array_index (self->tasks, index);
}

void
yusuan_document_set_performance (YusuanDocument    *self,
                                 gboolean           present,
                                 const char *const *duties,
                                 guint              n_duties,
                                 const YusuanTask  *tasks,
                                 guint              n_tasks)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (duties != NULL || n_duties == 0);
  g_return_if_fail (tasks != NULL || n_tasks == 0);

  op = op_new (OP_PERFORMANCE);
  op->present = present || n_duties > 0 || n_tasks > 0;
  op->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_duties; i++)
    g_ptr_array_add (op->strings, g_strdup (duties[i] ? duties[i] : ""));
  op->items = g_ptr_array_new_with_free_func (task_free);
  for (guint i = 0; i < n_tasks; i++)
    g_ptr_array_add (op->items, task_copy (&tasks[i]));
  run (self, op, N_("Change department performance"));
}

guint
yusuan_document_get_n_explanations (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->explanations->len;
}

const YusuanExplanation *
yusuan_document_get_explanation (YusuanDocument *self,
                                 guint           index)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->explanations->len, NULL);
  return g_ptr_array_index (self->explanations, index);
}

const char *
yusuan_document_find_explanation (YusuanDocument *self,
                                  const char     *topic)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->explanations->len; i++)
    {
      YusuanExplanation *e = g_ptr_array_index (self->explanations, i);

      if (g_strcmp0 (e->topic, topic) == 0)
        return e->text;
    }
  return NULL;
}

void
yusuan_document_set_explanation (YusuanDocument *self,
                                 const char     *topic,
                                 const char     *text)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (topic != NULL && *topic != '\0');

  if (g_strcmp0 (yusuan_document_find_explanation (self, topic), text) == 0)
    return;

  op = op_new (OP_EXPLANATION);
  op->topic = g_strdup (topic);
  op->text = g_strdup (text);
  op->index = self->explanations->len;
  run (self, op, N_("Change explanation"));
}

gboolean
yusuan_document_has_prior_year (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->has_prior;
}

int
yusuan_document_get_prior_fiscal_year (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), 0);
  return self->has_prior ? self->prior_year : 0;
}

gboolean
yusuan_document_get_prior_figure (YusuanDocument *self,
                                  YusuanPriorKey  key,
                                  YusuanAmount   *amount)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key < YUSUAN_N_PRIOR_KEYS, FALSE);

  if (!self->has_prior || !self->prior_has[key])
    return FALSE;
  if (amount)
    *amount = self->prior[key];
  return TRUE;
}

void
yusuan_document_set_prior_year (YusuanDocument     *self,
                                gboolean            present,
                                int                 fiscal_year,
                                const gboolean     *has,
                                const YusuanAmount *amounts)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (!present || (has != NULL && amounts != NULL));

  op = op_new (OP_PRIOR_YEAR);
  op->present = present;
  if (present)
    {
      op->fiscal_year = fiscal_year;
      for (guint i = 0; i < YUSUAN_N_PRIOR_KEYS; i++)
        {
          op->has[i] = has[i] != FALSE;
          op->amounts[i] = has[i] ? amounts[i] : 0;
        }
    }
  run (self, op, N_("Change prior-year figures"));
}

gboolean
yusuan_document_has_control_numbers (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->has_control;
}

gboolean
yusuan_document_get_control_number (YusuanDocument     *self,
                                    YusuanFund          fund,
                                    YusuanSpendingKind  kind,
                                    YusuanAmount       *amount)
{
  guint i;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint) fund < YUSUAN_N_FUNDS, FALSE);
  g_return_val_if_fail ((guint) kind < YUSUAN_N_SPENDING_KINDS, FALSE);

  i = yusuan_control_number_index (fund, kind);
  if (!self->has_control || !self->control_has[i])
    return FALSE;
  if (amount)
    *amount = self->control[i];
  return TRUE;
}

gboolean
yusuan_document_lacks_control_number (YusuanDocument     *self,
                                      YusuanFund          fund,
                                      YusuanSpendingKind  kind)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);

  return self->has_control && yusuan_fund_is_controlled (fund)
         && !yusuan_document_get_control_number (self, fund, kind, NULL);
}

void
yusuan_document_set_control_numbers (YusuanDocument     *self,
                                     gboolean            present,
                                     const gboolean     *has,
                                     const YusuanAmount *amounts)
{
  Op *op;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (!present || (has != NULL && amounts != NULL));
  for (guint i = 0; present && i < YUSUAN_N_CONTROL_NUMBERS; i++)
    g_return_if_fail (!has[i] || (amounts[i] >= 0 && amounts[i] <= YUSUAN_AMOUNT_MAX));

  /* Control numbers that state nothing are none. */
  op = op_new (OP_CONTROL_NUMBERS);
  for (guint i = 0; present && i < YUSUAN_N_CONTROL_NUMBERS; i++)
    {
      op->has[i] = has[i] != FALSE;
      op->amounts[i] = has[i] ? amounts[i] : 0;
      op->present |= op->has[i];
    }
  run (self, op, N_("Change control numbers"));
}

gboolean
yusuan_document_take_control_numbers (YusuanDocument  *self,
                                      YusuanDocument  *bureau,
                                      GError         **error)
{
  gboolean has[YUSUAN_N_CONTROL_NUMBERS] = { FALSE, };
  YusuanFigures figures;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (bureau), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bureau->stage != YUSUAN_STAGE_CONTROL_NUMBERS)
    {
      g_set_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,
                   _("It is a budget at the stage “%s”, not the finance bureau’s control numbers (%s)"),
                   yusuan_stage_label (bureau->stage), yusuan_stage_label (YUSUAN_STAGE_CONTROL_NUMBERS));
      return FALSE;
    }
  if (bureau->fiscal_year != self->fiscal_year)
    {
      g_set_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,
                   _("The control numbers are for the fiscal year %d; this budget is for %d"),
                   bureau->fiscal_year, self->fiscal_year);
      return FALSE;
    }
  if (g_strcmp0 (bureau->department_code, self->department_code) != 0)
    {
      g_set_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,
                   _("The control numbers are for the department %s; this budget is the department %s’s"),
                   bureau->department_code, self->department_code);
      return FALSE;
    }

  if (bureau->n_lines == 0)
    {
      g_set_error_literal (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,
                           _("It sets no expenditure: there are no control numbers in it"));
      return FALSE;
    }

  /* Every line is at most YUSUAN_AMOUNT_MAX and their sum fits a gint64
   * (yusuan_document_check_totals); a sum may still be above the most an
   * amount can be. */
  yusuan_figures_compute (bureau, &figures);
  for (guint k = 0; k < YUSUAN_N_CONTROL_NUMBERS; k++)
    {
      has[k] = figures.spending[k] > 0;
      if (figures.spending[k] > YUSUAN_AMOUNT_MAX)
        {
          g_autofree char *what = yusuan_fund_spending_label (k / YUSUAN_N_SPENDING_KINDS,
                                                              k % YUSUAN_N_SPENDING_KINDS);

          g_set_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_CONTROL_NUMBERS,
                       _("The control number for %s is larger than any amount Yusuan can hold"), what);
          return FALSE;
        }
    }

  yusuan_document_begin_group (self, _("Import control numbers"));
  yusuan_document_set_control_numbers (self, TRUE, has, figures.spending);
  yusuan_document_end_group (self);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Undo                                                                      */
/* ------------------------------------------------------------------------ */

void
yusuan_document_begin_group (YusuanDocument *self,
                             const char     *label)
{
  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  if (self->loading)
    return;
  if (self->group_depth++ == 0)
    {
      g_assert (self->open_step == NULL);
      self->open_step = step_new (label, self->next_serial++);
    }
}

void
yusuan_document_end_group (YusuanDocument *self)
{
  gboolean could_undo, could_redo, was_modified;
  Step *step;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  if (self->loading)
    return;
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->open_step);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  could_undo = yusuan_document_can_undo (self);
  could_redo = yusuan_document_can_redo (self);
  was_modified = yusuan_document_get_modified (self);

  /* A new edit forgets what could be redone; if the saved state was among
   * it, the saved state can no longer be reached. */
  for (guint i = 0; i < self->redo_stack->len; i++)
    if (((Step *) g_ptr_array_index (self->redo_stack, i))->serial == self->saved_serial)
      self->saved_serial = G_MAXUINT;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, step);

  notify_undo_state (self, could_undo, could_redo, was_modified);
}

static Step *revert_step (YusuanDocument *self,
                          Step           *step);

void
yusuan_document_cancel_group (YusuanDocument *self)
{
  Step *step;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (!self->loading);
  g_return_if_fail (self->group_depth == 1);

  self->group_depth = 0;
  step = g_steal_pointer (&self->open_step);
  step_free (revert_step (self, step));
  step_free (step);
}

gboolean
yusuan_document_can_undo (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0 && self->group_depth == 0;
}

gboolean
yusuan_document_can_redo (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0 && self->group_depth == 0;
}

const char *
yusuan_document_get_undo_label (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

const char *
yusuan_document_get_redo_label (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

/* Applies the step's operations backwards; returns the step that reverts it. */
static Step *
revert_step (YusuanDocument *self,
             Step           *step)
{
  Step *reverse = step_new (step->label, step->serial);

  for (guint i = step->ops->len; i > 0; i--)
    {
      Op *inverse = apply_op (self, g_ptr_array_index (step->ops, i - 1));

      if (inverse != NULL)
        g_ptr_array_add (reverse->ops, inverse);
    }
  return reverse;
}

static gboolean
move_step (YusuanDocument *self,
           GPtrArray      *from,
           GPtrArray      *to)
{
  gboolean could_undo, could_redo, was_modified;
  Step *step;

  if (from->len == 0 || self->group_depth > 0)
    return FALSE;

  could_undo = yusuan_document_can_undo (self);
  could_redo = yusuan_document_can_redo (self);
  was_modified = yusuan_document_get_modified (self);

  step = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, revert_step (self, step));
  step_free (step);

  notify_undo_state (self, could_undo, could_redo, was_modified);
  return TRUE;
}

gboolean
yusuan_document_undo (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return move_step (self, self->undo_stack, self->redo_stack);
}

gboolean
yusuan_document_redo (YusuanDocument *self)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);
  return move_step (self, self->redo_stack, self->undo_stack);
}

void
yusuan_document_clear_undo (YusuanDocument *self)
{
  gboolean could_undo, could_redo, was_modified;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  could_undo = yusuan_document_can_undo (self);
  could_redo = yusuan_document_can_redo (self);
  was_modified = yusuan_document_get_modified (self);

  if (was_modified)
    self->dirty_without_undo = TRUE;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = G_MAXUINT;

  notify_undo_state (self, could_undo, could_redo, was_modified);
}

gboolean
yusuan_document_get_modified (YusuanDocument *self)
{
  guint top;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);

  if (self->dirty_without_undo)
    return TRUE;
  top = self->undo_stack->len > 0
    ? ((Step *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial
    : 0;
  return top != self->saved_serial;
}

void
yusuan_document_mark_saved (YusuanDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  was_modified = yusuan_document_get_modified (self);
  self->dirty_without_undo = FALSE;
  self->saved_serial = self->undo_stack->len > 0
    ? ((Step *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial
    : 0;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
yusuan_document_mark_unsaved (YusuanDocument *self)
{
  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));

  /* Modified whatever is undone, until saved. */
  if (!self->dirty_without_undo)
    {
      gboolean notify = !yusuan_document_get_modified (self);

      self->dirty_without_undo = TRUE;
      if (notify)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

void
yusuan_document_begin_load (YusuanDocument *self)
{
  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (!self->loading);
  g_return_if_fail (self->group_depth == 0);

  self->loading = TRUE;
}

void
yusuan_document_end_load (YusuanDocument *self)
{
  gboolean could_undo, could_redo, was_modified;

  g_return_if_fail (YUSUAN_IS_DOCUMENT (self));
  g_return_if_fail (self->loading);

  could_undo = yusuan_document_can_undo (self);
  could_redo = yusuan_document_can_redo (self);
  was_modified = yusuan_document_get_modified (self);

  self->loading = FALSE;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = 0;
  self->dirty_without_undo = FALSE;

  emit_simple (self, YUSUAN_CHANGE_RESET);
  notify_undo_state (self, could_undo, could_redo, was_modified);
}

YusuanDocument *
yusuan_document_copy (YusuanDocument *self)
{
  YusuanDocument *copy;

  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), NULL);

  copy = yusuan_document_new ();
  copy->fiscal_year = self->fiscal_year;
  copy->stage = self->stage;
  g_free (copy->department_code);
  g_free (copy->department_name);
  copy->department_code = g_strdup (self->department_code);
  copy->department_name = g_strdup (self->department_name);
  copy->region = g_strdup (self->region);

  for (guint i = 0; i < self->units->len; i++)
    g_ptr_array_add (copy->units, unit_copy (g_ptr_array_index (self->units, i)));
  for (guint i = 0; i < self->revenues->len; i++)
    {
      YusuanRevenue *r = revenue_copy (g_ptr_array_index (self->revenues, i));

      g_ptr_array_add (copy->revenues, r);
      g_hash_table_insert (copy->revenues_by_id, GUINT_TO_POINTER (r->id), r);
    }
  for (guint i = 0; i < self->basic_lines->len; i++)
    {
      YusuanLine *l = line_copy (g_ptr_array_index (self->basic_lines, i));

      g_ptr_array_add (copy->basic_lines, l);
      g_hash_table_insert (copy->lines_by_id, GUINT_TO_POINTER (l->id), l);
    }
  for (guint i = 0; i < self->projects->len; i++)
    {
      YusuanProject *p = project_copy (g_ptr_array_index (self->projects, i), TRUE);

      g_ptr_array_add (copy->projects, p);
      g_hash_table_insert (copy->projects_by_id, GUINT_TO_POINTER (p->id), p);
      for (guint j = 0; j < p->lines->len; j++)
        {
          YusuanLine *l = g_ptr_array_index (p->lines, j);

          g_hash_table_insert (copy->lines_by_id, GUINT_TO_POINTER (l->id), l);
        }
    }
  copy->n_lines = self->n_lines;
  copy->line_sum = self->line_sum;
  copy->revenue_sum = self->revenue_sum;
  copy->sums_overflowed = self->sums_overflowed;
  for (guint i = 0; i < self->dept_indicators->len; i++)
    g_ptr_array_add (copy->dept_indicators, indicator_copy (g_ptr_array_index (self->dept_indicators, i)));

  copy->has_three_public = self->has_three_public;
  memcpy (copy->three_public, self->three_public, sizeof self->three_public);
  for (guint i = 0; i < self->procurement->len; i++)
    g_ptr_array_add (copy->procurement, procurement_item_copy (g_ptr_array_index (self->procurement, i)));
  copy->has_assets = self->has_assets;
  memcpy (copy->assets, self->assets, sizeof self->assets);
  copy->has_performance = self->has_performance;
  for (guint i = 0; i < self->duties->len; i++)
    g_ptr_array_add (copy->duties, g_strdup (g_ptr_array_index (self->duties, i)));
  for (guint i = 0; i < self->tasks->len; i++)
    g_ptr_array_add (copy->tasks, task_copy (g_ptr_array_index (self->tasks, i)));
  for (guint i = 0; i < self->explanations->len; i++)
    {
      YusuanExplanation *e = g_ptr_array_index (self->explanations, i);
      YusuanExplanation *c = g_new0 (YusuanExplanation, 1);

      c->topic = g_strdup (e->topic);
      c->text = g_strdup (e->text);
      g_ptr_array_add (copy->explanations, c);
    }
  copy->has_prior = self->has_prior;
  copy->prior_year = self->prior_year;
  memcpy (copy->prior_has, self->prior_has, sizeof self->prior_has);
  memcpy (copy->prior, self->prior, sizeof self->prior);
  copy->has_control = self->has_control;
  memcpy (copy->control_has, self->control_has, sizeof self->control_has);
  memcpy (copy->control, self->control, sizeof self->control);
  copy->next_id = self->next_id;

  return copy;
}

/* ------------------------------------------------------------------------ */
/* Decimals of indicator targets                                             */
/* ------------------------------------------------------------------------ */

G_DEFINE_QUARK (yusuan-decimal-error-quark, yusuan_decimal_error)

char *
yusuan_decimal_normalize (const char  *text,
                          GError     **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *shown = NULL;
  const char *p, *int_start, *int_end, *frac_start = NULL, *frac_end = NULL;
  gboolean negative = FALSE;
  gsize int_digits, frac_digits;

  g_return_val_if_fail (text != NULL, NULL);

  /* What a refusal quotes is text, whatever bytes were given. */
  shown = g_utf8_make_valid (text, -1);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_end = p;
  if (*p == '.')
    {
      frac_start = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_end = p;
    }

  if (*p != '\0' || (int_end == int_start && (frac_start == NULL || frac_end == frac_start)))
    {
      g_set_error (error, yusuan_decimal_error_quark (), 0,
                   /* Translators: an indicator's target value, e.g. 95 or 0.5 */
                   _("“%s” is not a number: write a target such as 95 or 0.5"), shown);
      return NULL;
    }

  /* Leading zeros of the integer part and trailing zeros of the fraction
   * are not digits that count. */
  while (int_start < int_end - 1 && *int_start == '0')
    int_start++;
  if (frac_start != NULL)
    while (frac_end > frac_start && frac_end[-1] == '0')
      frac_end--;

  int_digits = int_end - int_start;
  frac_digits = frac_start ? (gsize) (frac_end - frac_start) : 0;
  if (int_digits == 0)
    {
      int_start = "0";
      int_digits = 1;
    }

  if (frac_digits > 4)
    {
      g_set_error (error, yusuan_decimal_error_quark (), 0,
                   _("“%s” has more than four decimals"), shown);
      return NULL;
    }
  if ((int_digits == 1 && *int_start == '0' ? 0 : int_digits) + frac_digits > 18)
    {
      g_set_error (error, yusuan_decimal_error_quark (), 0,
                   _("“%s” has more than 18 digits"), shown);
      return NULL;
    }

  out = g_string_new (NULL);
  if (negative && !(int_digits == 1 && *int_start == '0' && frac_digits == 0))
    g_string_append_c (out, '-');
  g_string_append_len (out, int_start, int_digits);
  if (frac_digits > 0)
    {
      g_string_append_c (out, '.');
      g_string_append_len (out, frac_start, frac_digits);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_magnitude (const char *a,
                   const char *b)
{
  const char *da = strchr (a, '.');
  const char *db = strchr (b, '.');
  gsize ia = da ? (gsize) (da - a) : strlen (a);
  gsize ib = db ? (gsize) (db - b) : strlen (b);
  const char *fa = da ? da + 1 : "";
  const char *fb = db ? db + 1 : "";
  int cmp;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  cmp = strncmp (a, b, ia);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  while (*fa || *fb)
    {
      char ca = *fa ? *fa++ : '0';
      char cb = *fb ? *fb++ : '0';

      if (ca != cb)
        return ca < cb ? -1 : 1;
    }
  return 0;
}

int
yusuan_decimal_compare (const char *a,
                        const char *b)
{
  gboolean na, nb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  na = *a == '-';
  nb = *b == '-';
  if (na != nb)
    return na ? -1 : 1;
  if (na)
    return compare_magnitude (b + 1, a + 1);
  return compare_magnitude (a, b);
}

/* ------------------------------------------------------------------------ */
/* Totals that fit                                                           */
/* ------------------------------------------------------------------------ */

G_DEFINE_QUARK (yusuan-document-error-quark, yusuan_document_error)

static gboolean
set_too_large (GError **error)
{
  g_autofree char *limit = yusuan_amount_format (G_MAXINT64, YUSUAN_DISPLAY_YUAN,
                                                 YUSUAN_AMOUNT_FORMAT_GROUPED);

  g_set_error (error, YUSUAN_DOCUMENT_ERROR, YUSUAN_DOCUMENT_ERROR_TOO_LARGE,
               /* Translators: %s is the largest total, in yuan */
               _("The amounts would add up to more than %s yuan, more than any budget holds: "
                 "check for a mistyped amount"), limit);
  return FALSE;
}

static gboolean
total_fits (YusuanAmount sum,
            YusuanAmount removed,
            YusuanAmount added)
{
  if (!yusuan_amount_add_checked (&sum, -removed) ||
      !yusuan_amount_add_checked (&sum, added))
    return FALSE;
  return sum >= 0;
}

gboolean
yusuan_document_check_amount_change (YusuanDocument  *self,
                                     gboolean         revenue,
                                     YusuanAmount     old_amount,
                                     YusuanAmount     new_amount,
                                     GError         **error)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);

  if (new_amount < 0 || new_amount > YUSUAN_AMOUNT_MAX || self->sums_overflowed ||
      !total_fits (revenue ? self->revenue_sum : self->line_sum, old_amount, new_amount))
    return set_too_large (error);
  return TRUE;
}

static void
recount_line (const YusuanLine *line,
              gpointer          user_data)
{
  YusuanDocument *self = user_data;

  sum_adjust (self, &self->line_sum, 0, line->amount);
  if (line->amount < 0)
    self->sums_overflowed = TRUE;
}

gboolean
yusuan_document_check_totals (YusuanDocument  *self,
                              GError         **error)
{
  g_return_val_if_fail (YUSUAN_IS_DOCUMENT (self), FALSE);

  /* Recount from scratch: a load may have wrapped nothing, but a hostile
   * file must not be trusted to have kept the running sums meaningful. */
  self->sums_overflowed = FALSE;
  self->line_sum = 0;
  self->revenue_sum = 0;
  yusuan_document_foreach_line (self, recount_line, self);
  for (guint i = 0; i < self->revenues->len; i++)
    {
      YusuanRevenue *r = g_ptr_array_index (self->revenues, i);

      sum_adjust (self, &self->revenue_sum, 0, r->amount);
      if (r->amount < 0)
        self->sums_overflowed = TRUE;
    }

  if (self->sums_overflowed)
    return set_too_large (error);
  return TRUE;
}
