/* gen-city.c - writes a city-scale budget submission (hundreds of units, 100 000+ lines) for the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: gen-city [--seed N] [--departments N] [--units-per-department N]
 *                 [--projects-per-unit N] [--catalog FILE] OUTPUT.xml
 *
 * The output is deterministic for a given seed (GRand is a Mersenne twister),
 * follows the layout of data/examples/sanmenxia-2023.xml and is valid against
 * data/budget-1.xsd.  Every function code is a 项 of the shipped catalogue
 * (data/catalogs/yusuan-2023.catalog) and every economic pair one its
 * correspondence allows for the unit's kind; revenue equals expenditure per
 * unit and fund, and the stated 三公 amounts equal their current-year
 * 一般公共预算 lines, as the rules count them, so the rules have little to say.
 * --catalog checks the codes against a catalogue file before writing.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FISCAL_YEAR 2023

typedef enum
{
  FUND_GENERAL,
  FUND_GOVERNMENT,
  FUND_INSTITUTION_INCOME,
  FUND_OTHER_INCOME,
  FUND_CARRYOVER_GENERAL,
  FUND_CARRYOVER_UNIT,
  N_FUNDS
} Fund;

static const char *const fund_tokens[N_FUNDS] = {
  "general-public-budget",
  "government-fund",
  "institution-income",
  "other-income",
  "carryover-general-public-budget",
  "carryover-unit-funds",
};

typedef enum
{
  KIND_ADMINISTRATIVE,
  KIND_CIVIL_SERVANT_MANAGED,
  KIND_PUBLIC_INSTITUTION,
  KIND_OTHER,
} UnitKind;

static const char *const kind_tokens[] = {
  "administrative", "civil-servant-managed", "public-institution", "other",
};

/* A department: its name and the function codes its units spend on: the 机关
 * on 行政运行 of the department's 款, the 事业单位 on 事业运行 or the item
 * that fits their work where the 款 has no 事业运行. */
typedef struct
{
  const char *name;
  const char *admin_function;
  const char *institution_function;
} Department;

static const Department departments[] = {
  { "市人民政府办公室", "2010301", "2010350" },
  { "市发展和改革委员会", "2010401", "2010450" },
  { "市统计局", "2010501", "2010550" },
  { "市财政局", "2010601", "2010650" },
  { "市税务局", "2010701", "2010750" },
  { "市审计局", "2010801", "2010850" },
  { "市人力资源和社会保障局", "2080101", "2080150" },
  { "市纪委监委", "2011101", "2011150" },
  { "市商务局", "2011301", "2011350" },
  { "市档案馆", "2012601", "2012650" },
  { "市市场监督管理局", "2013801", "2013850" },
  { "市教育局", "2050101", "2050203" },
  { "市科学技术局", "2060101", "2060199" },
  { "市文化广电和旅游局", "2070101", "2070109" },
  { "市民政局", "2080201", "2080299" },
  { "市卫生健康委员会", "2100101", "2100401" },
  { "市生态环境局", "2110101", "2111101" },
  { "市城市管理局", "2120101", "2120199" },
  { "市住房和城乡建设局", "2120101", "2120104" },
  { "市农业农村局", "2130101", "2130104" },
  { "市林业局", "2130201", "2130204" },
  { "市水利局", "2130301", "2130304" },
  { "市交通运输局", "2140101", "2140199" },
  { "市工业和信息化局", "2150501", "2150599" },
  { "市自然资源和规划局", "2200101", "2200150" },
  { "市应急管理局", "2240101", "2240150" },
  { "市退役军人事务局", "2082801", "2082850" },
  { "市医疗保障局", "2101501", "2101550" },
  { "市司法局", "2040601", "2040650" },
  { "市信访局", "2010301", "2010350" },
  { "市机关事务管理局", "2010301", "2010303" },
  { "市人民政府研究室", "2010301", "2010350" },
  { "市外事办公室", "2010301", "2010350" },
  { "市总工会", "2012901", "2012950" },
  { "市妇女联合会", "2012901", "2012950" },
  { "市残疾人联合会", "2081101", "2081107" },
  { "市体育局", "2070301", "2070307" },
  { "市地方史志办公室", "2010301", "2010350" },
  { "市住房公积金管理中心", "2210302", "2210302" },
  { "市公共资源交易中心", "2010301", "2010350" },
};

static const char *const institution_suffixes[] = {
  "机关服务中心", "信息中心", "综合执法支队", "培训中心", "研究所", "监测站",
  "事务服务中心", "保障中心", "档案室", "发展中心", "质量检测中心", "宣传中心",
};

/* Basic lines: department economic code, its 机关 and 事业单位 government
 * codes (the targets of the correspondence, 财预〔2017〕98号; NULL where the
 * item has no 机关 target), the stated category, and a typical yearly amount
 * in yuan. */
typedef struct
{
  const char *econ_dept;
  const char *gov_jiguan;
  const char *gov_shiye;
  gboolean    personnel;
  int         yuan;
} EconItem;

static const EconItem basic_items[] = {
  { "30101", "50101", "50501", TRUE, 560000 },
  { "30102", "50101", "50501", TRUE, 410000 },
  { "30103", "50101", "50501", TRUE, 650000 },
  { "30107", NULL, "50501", TRUE, 240000 },   /* 绩效工资: 事业单位 only */
  { "30108", "50102", "50501", TRUE, 226000 },
  { "30109", "50102", "50501", TRUE, 90000 },
  { "30110", "50102", "50501", TRUE, 118000 },
  { "30112", "50102", "50501", TRUE, 19000 },
  { "30113", "50103", "50501", TRUE, 196000 },
  { "30199", "50199", "50501", TRUE, 60000 },
  { "30201", "50201", "50502", FALSE, 34000 },
  { "30202", "50201", "50502", FALSE, 20000 },
  { "30205", "50201", "50502", FALSE, 12000 },
  { "30206", "50201", "50502", FALSE, 30000 },
  { "30207", "50201", "50502", FALSE, 30000 },
  { "30211", "50201", "50502", FALSE, 80000 },
  { "30213", "50209", "50502", FALSE, 50000 },
  { "30215", "50202", "50502", FALSE, 20000 },
  { "30216", "50203", "50502", FALSE, 25000 },
  { "30217", "50206", "50502", FALSE, 15000 },
  { "30228", "50201", "50502", FALSE, 19000 },
  { "30229", "50201", "50502", TRUE, 32000 },
  { "30231", "50208", "50502", FALSE, 30000 },
  { "30239", "50201", "50502", TRUE, 90000 },
  { "30299", "50299", "50502", FALSE, 21000 },
  { "30301", "50905", "50905", TRUE, 42000 },
  { "30302", "50905", "50905", TRUE, 385000 },
  { "30304", "50901", "50901", TRUE, 27000 },
  { "30399", "50999", "50999", TRUE, 30000 },
};

static const EconItem project_items[] = {
  { "30201", "50201", "50502", FALSE, 60000 },
  { "30202", "50201", "50502", FALSE, 90000 },
  { "30205", "50201", "50502", FALSE, 40000 },
  { "30207", "50201", "50502", FALSE, 30000 },
  { "30211", "50201", "50502", FALSE, 120000 },
  { "30213", "50209", "50502", FALSE, 70000 },
  { "30215", "50202", "50502", FALSE, 70000 },
  { "30216", "50203", "50502", FALSE, 70000 },
  { "30218", "50204", "50502", FALSE, 150000 },
  { "30226", "50205", "50502", FALSE, 600000 },
  { "30227", "50205", "50502", FALSE, 300000 },
  { "30231", "50208", "50502", FALSE, 100000 },
  { "30239", "50201", "50502", FALSE, 110000 },
  { "30299", "50299", "50502", FALSE, 30000 },
  { "31002", "50306", "50601", FALSE, 240000 },
  { "31003", "50306", "50601", FALSE, 500000 },
  { "31007", "50306", "50601", FALSE, 350000 },
};

/* Functions every unit's staff costs fall under, beside its own 行政运行. */
typedef struct
{
  const char *function;
  const char *econ_dept;
} SpecialFunction;

static const SpecialFunction special_functions[] = {
  { "2080505", "30108" },  /* 机关事业单位基本养老保险缴费支出 */
  { "2080506", "30109" },  /* 机关事业单位职业年金缴费支出 */
  { "2101101", "30110" },  /* 行政单位医疗 */
  { "2210201", "30113" },  /* 住房公积金 */
  { "2080501", "30302" },  /* 行政单位离退休 */
  { "2080801", "30304" },  /* 死亡抚恤 */
};

/* Government-fund projects: 国有土地使用权出让收入 and 彩票公益金. */
static const char *const fund_functions[] = {
  "2120801", "2120802", "2120803", "2296002", "2296003", "2296004",
};

static const char *const project_purposes[] = {
  "信息化系统运维经费", "办公设备购置", "业务培训费", "专项督查经费", "会议费", "维修（护）费",
  "劳务派遣人员经费", "宣传工作经费", "档案数字化经费", "公车运行费用", "法律顾问服务费",
  "课题研究经费", "安全生产专项经费", "应急物资储备", "网站运维经费", "专项审计经费",
  "统计调查经费", "执法装备购置", "环境监测经费", "志愿服务经费",
};

typedef struct
{
  const char *name;
  const char *unit;
  const char *op;
  int         lo;
  int         hi;
  const char *level2;
} OutputIndicator;

static const OutputIndicator output_indicators[] = {
  { "工作开展次数", "次", "ge", 5, 400, "数量指标" },
  { "覆盖单位数量", "个", "ge", 3, 60, "数量指标" },
  { "培训人数", "人", "eq", 20, 800, "数量指标" },
  { "验收合格率", "%", "ge", 90, 100, "质量指标" },
  { "资金使用合规性", "%", "eq", 100, 100, "质量指标" },
  { "设备完好率", "%", "ge", 90, 99, "质量指标" },
  { "维护面积", "平方米", "eq", 1000, 90000, "数量指标" },
  { "服务时长", "小时", "ge", 8, 24, "时效指标" },
};

static const char *const qualitative_outputs[] = { "任务完成及时性", "资金拨付及时性", "工作完成时效" };
static const char *const qualitative_targets[] = { "及时", "正常", "保障", "良好", "提升", "明显" };
static const char *const effect_indicators[] = {
  "保障单位正常运转", "社会公众知晓度", "工作效率提升情况", "对履职的促进作用", "服务质量改善情况",
};
static const char *const satisfaction_indicators[] = { "服务对象满意度", "工作人员满意度", "社会公众满意度" };

typedef struct
{
  guint  unit;      /* index into units */
  guint  project;   /* 0 basic, else project index + 1 */
  char   function[8];
  const char *econ_dept;
  const char *econ_gov;
  Fund   fund;
  gboolean personnel;
  gint64 fen;
} Line;

typedef struct
{
  char      code[10];
  char     *name;
  UnitKind  kind;
  const Department *department;
} Unit;

typedef struct
{
  char   code[24];
  char  *name;
  guint  unit;
  gboolean specific;
  char  *description;
  guint  first_line;
  guint  n_lines;
  gint64 total;
  gboolean has_equipment;
} Project;

static GRand *rng;

static int
rand_range (int lo, int hi)
{
  return g_rand_int_range (rng, lo, hi + 1);
}

static gboolean
is_jiguan (UnitKind kind)
{
  return kind == KIND_ADMINISTRATIVE || kind == KIND_CIVIL_SERVANT_MANAGED;
}

/* The basic item a unit books when @item was drawn: a 机关 pays no 绩效工资
 * (30107, whose only target is 50501); its staff get 奖金 (30103) instead. */
static const EconItem *
basic_item_for (const EconItem *item,
                gboolean        jiguan)
{
  if (jiguan && item->gov_jiguan == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (basic_items); i++)
        if (strcmp (basic_items[i].econ_dept, "30103") == 0)
          return &basic_items[i];
      g_assert_not_reached ();
    }
  return item;
}

/* The function of a staff cost booked under a special function, for a 机关
 * or a 事业单位. */
static const char *
special_function_for (const SpecialFunction *special,
                      gboolean               jiguan)
{
  if (!jiguan && strcmp (special->function, "2101101") == 0)
    return "2101102";  /* 事业单位医疗 */
  if (!jiguan && strcmp (special->function, "2080501") == 0)
    return "2080502";  /* 事业单位离退休 */
  return special->function;
}

/* The cells of one catalogue record: tab-separated, with the spaces and the
 * double quotes around a cell dropped (data/catalogs/README.md). */
static char **
catalog_cells (const char *line)
{
  char **cells = g_strsplit (line, "\t", -1);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      char *cell = g_strstrip (cells[i]);
      gsize len = strlen (cell);

      if (len >= 2 && cell[0] == '"' && cell[len - 1] == '"')
        {
          cell[len - 1] = '\0';
          cell++;
        }
      memmove (cells[i], cell, strlen (cell) + 1);
    }
  return cells;
}

static void
require_code (GHashTable *codes,
              const char *code,
              const char *what,
              guint      *n_faults)
{
  if (g_hash_table_contains (codes, code))
    return;
  g_printerr ("gen-city: %s %s is not in the catalogue\n", what, code);
  (*n_faults)++;
}

/* Checks every code the generator writes against the catalogue at @path:
 * each function code is a 项 of it, each economic code is listed, and each
 * economic pair is the correspondence's target for the kind of unit that
 * books it, or an allowed pair. */
static gboolean
check_catalog (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) econ = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_faults = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_printerr ("gen-city: %s\n", error->message);
      return FALSE;
    }
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = catalog_cells (lines[l]);
      guint n = g_strv_length (cells);

      if (n < 3 || cells[0][0] == '#')
        continue;
      if (strcmp (cells[0], "function") == 0 && strlen (cells[1]) == 7)
        g_hash_table_add (items, g_strdup (cells[1]));
      else if (strcmp (cells[0], "econ-dept") == 0 || strcmp (cells[0], "econ-gov") == 0)
        g_hash_table_add (econ, g_strdup (cells[1]));
      else if (strcmp (cells[0], "map") == 0 && n >= 4)
        {
          /* “30201 机关 50201”; a row with one target serves both kinds. */
          const char *jiguan = strcmp (cells[2], "-") != 0 ? cells[2] : cells[3];
          const char *shiye = strcmp (cells[3], "-") != 0 ? cells[3] : cells[2];

          g_hash_table_add (pairs, g_strconcat (cells[1], " 机关 ", jiguan, NULL));
          g_hash_table_add (pairs, g_strconcat (cells[1], " 事业单位 ", shiye, NULL));
        }
      else if (strcmp (cells[0], "allow") == 0)
        {
          g_hash_table_add (pairs, g_strconcat (cells[1], " 机关 ", cells[2], NULL));
          g_hash_table_add (pairs, g_strconcat (cells[1], " 事业单位 ", cells[2], NULL));
        }
    }

  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    {
      require_code (items, departments[d].admin_function, "function code", &n_faults);
      require_code (items, departments[d].institution_function, "function code", &n_faults);
    }
  for (guint i = 0; i < G_N_ELEMENTS (special_functions); i++)
    for (int jiguan = 0; jiguan <= 1; jiguan++)
      require_code (items, special_function_for (&special_functions[i], jiguan), "function code", &n_faults);
  for (guint i = 0; i < G_N_ELEMENTS (fund_functions); i++)
    require_code (items, fund_functions[i], "function code", &n_faults);

  for (int project = 0; project <= 1; project++)
    {
      const EconItem *list = project ? project_items : basic_items;
      guint n_list = project ? G_N_ELEMENTS (project_items) : G_N_ELEMENTS (basic_items);

      for (guint i = 0; i < n_list; i++)
        for (int jiguan = 0; jiguan <= 1; jiguan++)
          {
            const EconItem *item = &list[i];
            const char *gov = jiguan ? item->gov_jiguan : item->gov_shiye;
            const char *kind = jiguan ? "机关" : "事业单位";
            g_autofree char *pair = NULL;

            /* Drawn but booked as another item, checked on its own. */
            if (!project && basic_item_for (item, jiguan) != item)
              continue;
            pair = g_strconcat (item->econ_dept, " ", kind, " ", gov, NULL);
            require_code (econ, item->econ_dept, "economic code", &n_faults);
            require_code (econ, gov, "economic code", &n_faults);
            if (!g_hash_table_contains (pairs, pair))
              {
                g_printerr ("gen-city: the correspondence does not take %s to %s for %s units\n",
                            item->econ_dept, gov, jiguan ? "administrative" : "public-institution");
                n_faults++;
              }
          }
    }

  if (n_faults > 0)
    g_printerr ("gen-city: %u faults against %s; nothing written\n", n_faults, path);
  return n_faults == 0;
}

static void
write_escaped (FILE       *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': fputs ("&amp;", out); break;
        case '<': fputs ("&lt;", out); break;
        case '>': fputs ("&gt;", out); break;
        case '"': fputs ("&quot;", out); break;
        default: fputc (*p, out); break;
        }
    }
}

static void
write_amount (FILE       *out,
              const char *attribute,
              gint64      fen)
{
  fprintf (out, " %s=\"%" G_GINT64_FORMAT ".%02d\"", attribute, fen / 100, (int) (fen % 100));
}

/* A yearly amount near @yuan, in whole yuan most of the time. */
static gint64
amount_near (int yuan)
{
  gint64 fen = (gint64) yuan * rand_range (40, 160) / 100 * 100;

  if (rand_range (0, 9) == 0)
    fen += rand_range (1, 99);
  return MAX (fen, 100);
}

static void
write_indicator (FILE       *out,
                 const char *indent,
                 const char *level1,
                 const char *level2,
                 const char *name,
                 const char *op,
                 const char *value,
                 const char *unit,
                 const char *text,
                 const char *explanation)
{
  fprintf (out, "%s<indicator level1=\"%s\"", indent, level1);
  if (level2)
    fprintf (out, " level2=\"%s\"", level2);
  fputs (" name=\"", out);
  write_escaped (out, name);
  fprintf (out, "\" op=\"%s\"", op);
  if (value)
    fprintf (out, " value=\"%s\"", value);
  if (unit)
    fprintf (out, " unit=\"%s\"", unit);
  if (text)
    fprintf (out, " text=\"%s\"", text);
  fputc ('>', out);
  if (explanation)
    write_escaped (out, explanation);
  fputs ("</indicator>\n", out);
}

static void
write_project_indicators (FILE          *out,
                          const Project *project)
{
  char value[32];
  guint n_output = rand_range (3, 6);
  guint n_effect = rand_range (1, 2);

  /* The cost ceiling in 万元, a little above the project's amount. */
  {
    int tenth = rand_range (0, 9);

    /* Shortest decimal form, as Yusuan writes it. */
    if (tenth == 0)
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, project->total / 1000000 + 1);
    else
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT ".%d", project->total / 1000000 + 1, tenth);
  }
  write_indicator (out, "      ", "cost", rand_range (0, 1) ? "经济成本指标" : NULL,
                   "项目成本控制", "le", value, "万元", NULL,
                   rand_range (0, 3) == 0 ? "项目支出不超过预算批复数" : NULL);

  for (guint i = 0; i < n_output; i++)
    {
      if (rand_range (0, 4) == 0)
        {
          write_indicator (out, "      ", "output", "时效指标",
                           qualitative_outputs[rand_range (0, G_N_ELEMENTS (qualitative_outputs) - 1)],
                           "qualitative", NULL, NULL,
                           qualitative_targets[rand_range (0, 1)], NULL);
        }
      else
        {
          const OutputIndicator *o = &output_indicators[rand_range (0, G_N_ELEMENTS (output_indicators) - 1)];
          int v = rand_range (o->lo, o->hi);

          if (rand_range (0, 7) == 0 && v < o->hi)
            g_snprintf (value, sizeof value, "%d.5", v);
          else
            g_snprintf (value, sizeof value, "%d", v);
          write_indicator (out, "      ", "output", rand_range (0, 2) ? o->level2 : NULL,
                           o->name, o->op, value, o->unit, NULL,
                           rand_range (0, 5) == 0 ? "完成率=（实际完成数/计划数）×100%，目标<100%时说明原因" : NULL);
        }
    }

  for (guint i = 0; i < n_effect; i++)
    write_indicator (out, "      ", "effect", rand_range (0, 1) ? "社会效益指标" : NULL,
                     effect_indicators[rand_range (0, G_N_ELEMENTS (effect_indicators) - 1)],
                     "qualitative", NULL, NULL,
                     qualitative_targets[rand_range (2, G_N_ELEMENTS (qualitative_targets) - 1)], NULL);

  write_indicator (out, "      ", "satisfaction", rand_range (0, 1) ? "服务对象满意度指标" : NULL,
                   satisfaction_indicators[rand_range (0, G_N_ELEMENTS (satisfaction_indicators) - 1)],
                   "ge", rand_range (0, 1) ? "95" : "90", "%", NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  gint64 seed = 2023;
  int n_departments = G_N_ELEMENTS (departments);
  int units_per_department = 8;
  int projects_per_unit = 10;
  g_autofree char *catalog = NULL;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 2023)", "N" },
    { "departments", 'd', 0, G_OPTION_ARG_INT, &n_departments, "Departments (default 40)", "N" },
    { "units-per-department", 'u', 0, G_OPTION_ARG_INT, &units_per_department, "Units per department (default 8)", "N" },
    { "projects-per-unit", 'p', 0, G_OPTION_ARG_INT, &projects_per_unit, "Projects per unit (default 10)", "N" },
    { "catalog", 'c', 0, G_OPTION_ARG_FILENAME, &catalog,
      "First check every code written against this catalogue (data/catalogs/yusuan-2023.catalog)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_autoptr(GArray) projects = g_array_new (FALSE, TRUE, sizeof (Project));
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autofree char *tmp_path = NULL;
  gint64 revenue[N_FUNDS];
  gint64 three_public[4] = { 0 };
  guint n_basic = 0;
  FILE *out;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Writes a deterministic city-scale submission (budget-1.xsd).");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: gen-city [OPTION…] OUTPUT.xml");
      return 2;
    }
  if (n_departments < 1 || n_departments > (int) G_N_ELEMENTS (departments) * 20
      || units_per_department < 1 || units_per_department > 999
      || projects_per_unit < 0 || projects_per_unit > 1000)
    {
      g_printerr ("gen-city: counts out of range\n");
      return 2;
    }
  if (catalog != NULL && !check_catalog (catalog))
    return 1;

  rng = g_rand_new_with_seed ((guint32) seed);

  /* Units */
  for (int d = 0; d < n_departments; d++)
    {
      const Department *department = &departments[d % G_N_ELEMENTS (departments)];

      for (int u = 0; u < units_per_department; u++)
        {
          Unit unit = { .department = department };

          g_snprintf (unit.code, sizeof unit.code, "%03d%03d", 101 + d % 899, u + 1);
          if (u == 0)
            {
              unit.name = g_strdup (department->name);
              unit.kind = (d % 5 == 4) ? KIND_CIVIL_SERVANT_MANAGED : KIND_ADMINISTRATIVE;
            }
          else
            {
              const char *suffix = institution_suffixes[(u - 1) % G_N_ELEMENTS (institution_suffixes)];
              int round = (u - 1) / G_N_ELEMENTS (institution_suffixes);

              unit.name = round == 0 ? g_strconcat (department->name, suffix, NULL)
                                     : g_strdup_printf ("%s%s第%d分中心", department->name, suffix, round + 1);
              unit.kind = (u % 11 == 10) ? KIND_OTHER : KIND_PUBLIC_INSTITUTION;
            }
          g_array_append_val (units, unit);
        }
    }

  /* Basic lines: staff costs under the special functions, the rest under the
   * unit's own 行政运行 or 事业运行. */
  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, u);
      gboolean jiguan = is_jiguan (unit->kind);
      const char *own = jiguan ? unit->department->admin_function : unit->department->institution_function;
      int n = rand_range (260, 300);

      for (int i = 0; i < n; i++)
        {
          const EconItem *item = basic_item_for (&basic_items[rand_range (0, G_N_ELEMENTS (basic_items) - 1)], jiguan);
          Line line = { .unit = u, .econ_dept = item->econ_dept, .personnel = item->personnel };

          line.econ_gov = jiguan ? item->gov_jiguan : item->gov_shiye;
          g_strlcpy (line.function, own, sizeof line.function);
          for (guint s = 0; s < G_N_ELEMENTS (special_functions); s++)
            if (strcmp (special_functions[s].econ_dept, item->econ_dept) == 0)
              g_strlcpy (line.function, special_function_for (&special_functions[s], jiguan), sizeof line.function);
          line.fund = FUND_GENERAL;
          if (!jiguan && !item->personnel && rand_range (0, 3) == 0)
            line.fund = FUND_INSTITUTION_INCOME;
          else if (rand_range (0, 29) == 0)
            line.fund = FUND_CARRYOVER_GENERAL;
          line.fen = amount_near (item->yuan) / (n / 20);
          line.fen -= line.fen % 100;
          line.fen = MAX (line.fen, 100);
          g_array_append_val (lines, line);
        }
    }
  n_basic = lines->len;

  /* Projects, round robin over the units. */
  for (guint u = 0; u < units->len; u++)
    for (int p = 0; p < projects_per_unit; p++)
      {
        const Unit *unit = &g_array_index (units, Unit, u);
        gboolean jiguan = is_jiguan (unit->kind);
        const char *purpose = project_purposes[rand_range (0, G_N_ELEMENTS (project_purposes) - 1)];
        gboolean fund_project = rand_range (0, 19) == 0;
        Project project = { .unit = u, .first_line = lines->len };

        g_snprintf (project.code, sizeof project.code, "41120023%013u", projects->len + 1);
        project.name = g_strdup_printf ("%d%s%s", FISCAL_YEAR, unit->name, purpose);
        project.specific = rand_range (0, 4) < 2;
        if (rand_range (0, 1))
          project.description = g_strdup_printf ("用于%s%s，保障全年工作任务按期完成。", unit->name, purpose);
        project.n_lines = rand_range (6, 10);
        for (guint i = 0; i < project.n_lines; i++)
          {
            const EconItem *item = &project_items[rand_range (0, G_N_ELEMENTS (project_items) - 1)];
            Line line = { .unit = u, .project = projects->len + 1, .econ_dept = item->econ_dept };

            line.econ_gov = jiguan ? item->gov_jiguan : item->gov_shiye;
            if (fund_project)
              {
                g_strlcpy (line.function, fund_functions[rand_range (0, G_N_ELEMENTS (fund_functions) - 1)],
                           sizeof line.function);
                line.fund = FUND_GOVERNMENT;
              }
            else
              {
                g_strlcpy (line.function, jiguan ? unit->department->admin_function
                                                 : unit->department->institution_function,
                           sizeof line.function);
                line.fund = rand_range (0, 19) == 0 ? FUND_CARRYOVER_UNIT
                          : rand_range (0, 14) == 0 ? FUND_OTHER_INCOME : FUND_GENERAL;
              }
            line.fen = amount_near (item->yuan) / 4;
            line.fen -= line.fen % 100;
            line.fen = MAX (line.fen, 100);
            if (item->econ_dept[1] == '1')
              project.has_equipment = TRUE;
            project.total += line.fen;
            g_array_append_val (lines, line);
          }
        g_array_append_val (projects, project);
      }

  /* Revenue per unit and fund equals expenditure; 三公 from its lines. */
  tmp_path = g_strconcat (argv[1], ".tmp", NULL);
  out = g_fopen (tmp_path, "w");
  if (!out)
    {
      g_printerr ("gen-city: cannot write %s: %s\n", tmp_path, g_strerror (errno));
      return 1;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);

  fprintf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<budget xmlns=\"urn:yusuan:budget:1\" schema-version=\"1\" fiscal-year=\"%d\" stage=\"first-proposal\">\n"
                "  <department code=\"411200\" name=\"三门峡市市级部门（汇总）\" region=\"411200\"/>\n"
                "  <units>\n", FISCAL_YEAR);
  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, u);

      fprintf (out, "    <unit code=\"%s\" name=\"", unit->code);
      write_escaped (out, unit->name);
      fprintf (out, "\" kind=\"%s\"/>\n", kind_tokens[unit->kind]);
    }
  fputs ("  </units>\n  <revenues>\n", out);
  {
    guint l = 0;
    g_autoptr(GArray) by_unit = g_array_sized_new (FALSE, TRUE, sizeof (gint64[N_FUNDS]), units->len);

    g_array_set_size (by_unit, units->len);
    memset (revenue, 0, sizeof revenue);
    for (l = 0; l < lines->len; l++)
      {
        const Line *line = &g_array_index (lines, Line, l);
        gint64 *sums = (gint64 *) (by_unit->data + line->unit * sizeof (gint64[N_FUNDS]));

        sums[line->fund] += line->fen;
        revenue[line->fund] += line->fen;
        /* Table 08 counts the current year's 一般公共预算 only, not what is
         * carried over from last year. */
        if (line->fund == FUND_GENERAL)
          {
            if (strcmp (line->econ_dept, "30212") == 0)
              three_public[0] += line->fen;
            else if (strcmp (line->econ_dept, "31013") == 0)
              three_public[1] += line->fen;
            else if (strcmp (line->econ_dept, "30231") == 0)
              three_public[2] += line->fen;
            else if (strcmp (line->econ_dept, "30217") == 0)
              three_public[3] += line->fen;
          }
      }
    for (guint u = 0; u < units->len; u++)
      {
        const gint64 *sums = (const gint64 *) (by_unit->data + u * sizeof (gint64[N_FUNDS]));

        for (int f = 0; f < N_FUNDS; f++)
          if (sums[f] > 0)
            {
              fprintf (out, "    <revenue unit=\"%s\" source=\"%s\"", g_array_index (units, Unit, u).code, fund_tokens[f]);
              write_amount (out, "amount", sums[f]);
              fputs ("/>\n", out);
            }
      }
  }

  fputs ("  </revenues>\n  <basic-expenditures>\n", out);
  for (guint l = 0; l < n_basic; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);

      fprintf (out, "    <line unit=\"%s\" function=\"%s\" econ-dept=\"%s\" econ-gov=\"%s\" fund=\"%s\" category=\"%s\"",
               g_array_index (units, Unit, line->unit).code, line->function, line->econ_dept, line->econ_gov,
               fund_tokens[line->fund], line->personnel ? "personnel" : "public");
      write_amount (out, "amount", line->fen);
      fputs ("/>\n", out);
    }
  fputs ("  </basic-expenditures>\n  <projects>\n", out);
  for (guint p = 0; p < projects->len; p++)
    {
      const Project *project = &g_array_index (projects, Project, p);

      fprintf (out, "    <project code=\"%s\" name=\"", project->code);
      write_escaped (out, project->name);
      fprintf (out, "\" unit=\"%s\" kind=\"%s\">\n", g_array_index (units, Unit, project->unit).code,
               project->specific ? "specific-purpose" : "other-operational");
      if (project->description)
        {
          fputs ("      <description>", out);
          write_escaped (out, project->description);
          fputs ("</description>\n", out);
        }
      for (guint i = 0; i < project->n_lines; i++)
        {
          const Line *line = &g_array_index (lines, Line, project->first_line + i);

          fprintf (out, "      <line function=\"%s\" econ-dept=\"%s\" econ-gov=\"%s\" fund=\"%s\"",
                   line->function, line->econ_dept, line->econ_gov, fund_tokens[line->fund]);
          write_amount (out, "amount", line->fen);
          fputs ("/>\n", out);
        }
      write_project_indicators (out, project);
      fputs ("    </project>\n", out);
    }
  fputs ("  </projects>\n", out);

  fputs ("  <three-public-expenses", out);
  write_amount (out, "outbound-travel", three_public[0]);
  write_amount (out, "vehicle-purchase", three_public[1]);
  write_amount (out, "vehicle-operation", three_public[2]);
  write_amount (out, "official-reception", three_public[3]);
  fputs ("/>\n  <procurement>\n", out);
  for (guint p = 0; p < projects->len; p++)
    {
      const Project *project = &g_array_index (projects, Project, p);

      if (!project->has_equipment)
        continue;
      fputs ("    <item category=\"goods\"", out);
      write_amount (out, "amount", project->total / 2 / 100 * 100);
      fprintf (out, " project=\"%s\" name=\"办公及专用设备\"/>\n", project->code);
    }
  fputs ("    <item category=\"services\"", out);
  write_amount (out, "amount", 24000000);
  fputs ("/>\n  </procurement>\n", out);
  fprintf (out, "  <assets vehicles=\"%u\" general-equipment=\"%u\" special-equipment=\"%u\"/>\n",
           units->len / 2, units->len / 10, units->len / 40);

  fputs ("  <department-performance>\n"
         "    <duty>负责全市市级部门预算的编制、执行和监督，保障各部门依法履职。</duty>\n"
         "    <duty>统筹各类资金，优化支出结构，提高财政资金使用效益。</duty>\n"
         "    <task name=\"预算编制\">按时完成各部门预算编制和报送工作</task>\n"
         "    <task name=\"绩效管理\">全面实施预算绩效管理，绩效目标覆盖全部项目</task>\n", out);
  write_indicator (out, "    ", "input-management", "预算和财务管理", "预算执行率", "ge", "90", "%", NULL,
                   "预算执行率=（预算完成数/预算数）×100%。");
  write_indicator (out, "    ", "input-management", "预算和财务管理", "预算调整率", "le", "10", "%", NULL,
                   "预算调整率<10%为达标。");
  write_indicator (out, "    ", "output", "重点工作任务完成", "重点工作任务完成率", "ge", "95", "%", NULL, NULL);
  write_indicator (out, "    ", "effect", "履职效益", "政府工作运转效率", "qualitative", NULL, NULL, "稳步提高", NULL);
  write_indicator (out, "    ", "satisfaction", "满意度", "社会满意度", "ge", "95", "%", NULL, NULL);
  fputs ("  </department-performance>\n"
         "  <explanations>\n"
         "    <explanation topic=\"revenue-change\">人员经费按照新标准执行有所增加。</explanation>\n"
         "    <explanation topic=\"three-public-change\">严格执行中央八项规定精神，进一步压减“三公”经费支出。</explanation>\n"
         "  </explanations>\n", out);
  {
    gint64 total = 0;

    for (int f = 0; f < N_FUNDS; f++)
      total += revenue[f];
    fprintf (out, "  <prior-year fiscal-year=\"%d\">\n", FISCAL_YEAR - 1);
    fputs ("    <figure key=\"revenue-total\"", out);
    write_amount (out, "amount", total / 1000 * 920);
    fputs ("/>\n    <figure key=\"expenditure-total\"", out);
    write_amount (out, "amount", total / 1000 * 920);
    fputs ("/>\n    <figure key=\"general-public-budget\"", out);
    write_amount (out, "amount", revenue[FUND_GENERAL] / 1000 * 930);
    fputs ("/>\n  </prior-year>\n</budget>\n", out);
  }

  if (ferror (out) | (fclose (out) != 0) || g_rename (tmp_path, argv[1]) != 0)
    {
      g_printerr ("gen-city: cannot write %s: %s\n", argv[1], g_strerror (errno));
      g_unlink (tmp_path);
      return 1;
    }

  g_print ("%s: %u units, %u basic lines, %u projects, %u project lines, %u lines in all\n",
           argv[1], units->len, n_basic, projects->len, lines->len - n_basic, lines->len);

  for (guint u = 0; u < units->len; u++)
    g_free (g_array_index (units, Unit, u).name);
  for (guint p = 0; p < projects->len; p++)
    {
      g_free (g_array_index (projects, Project, p).name);
      g_free (g_array_index (projects, Project, p).description);
    }
  g_rand_free (rng);
  return 0;
}
