/* test-catalog.c - tests of the classification catalogues: shipped codes, correspondence, search, files, imports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "yusuan-catalog.h"
#include "yusuan-core.h"
#include "yusuan-test-util.h"

/* The private data directory imports go to; set before GLib reads it. */
static char *data_home;

/* A small, valid catalogue: one code of each kind, for the file and import tests. */
#define SMALL_BODY \
  "source\tbureau list 2023-A\n" \
  "function\t201\t一般公共服务支出\n" \
  "function\t20103\t政府办公厅（室）及相关机构事务\n" \
  "function\t2010301\t行政运行\n" \
  "econ-dept\t302\t商品和服务支出\n" \
  "econ-dept\t30201\t办公费\n" \
  "econ-gov\t502\t机关商品和服务支出\n" \
  "econ-gov\t50201\t办公经费\n" \
  "econ-gov\t505\t对事业单位经常性补助\n" \
  "econ-gov\t50502\t商品和服务支出\n" \
  "map\t30201\t50201\t50502\n"

static YusuanCatalog *
builtin (void)
{
  return yusuan_catalog_get_builtin ();
}

static void
assert_code (YusuanCatalog        *catalog,
             YusuanClassification  classification,
             const char           *code,
             YusuanCodeLevel       level,
             const char           *name)
{
  g_assert_cmpstr (yusuan_catalog_get_name (catalog, classification, code), ==, name);
  g_assert_cmpint (yusuan_catalog_get_level (catalog, classification, code), ==, level);
}

static void
test_builtin_years (void)
{
  g_autoptr (YusuanCatalog) catalog = builtin ();
  g_autoptr (YusuanCatalog) again = builtin ();
  YusuanCatalog *copy;

  g_assert_cmpint (yusuan_catalog_get_first_year (catalog), ==, 2023);
  g_assert_cmpint (yusuan_catalog_get_last_year (catalog), ==, G_MAXINT);
  g_assert_nonnull (strstr (yusuan_catalog_get_source (catalog), "财预〔2017〕98号"));
  g_assert_true (catalog == again);

  copy = g_boxed_copy (YUSUAN_TYPE_CATALOG, catalog);
  g_assert_true (copy == catalog);
  g_boxed_free (YUSUAN_TYPE_CATALOG, copy);
}

/* Every code the seed department prints, with its official name. */
static void
test_seed_codes (void)
{
  g_autoptr (YusuanCatalog) c = builtin ();
  const YusuanClassification F = YUSUAN_CLASSIFICATION_FUNCTION;
  const YusuanClassification D = YUSUAN_CLASSIFICATION_ECON_DEPT;
  const YusuanClassification G = YUSUAN_CLASSIFICATION_ECON_GOV;

  assert_code (c, F, "201", YUSUAN_CODE_LEVEL_CLASS, "一般公共服务支出");
  assert_code (c, F, "20103", YUSUAN_CODE_LEVEL_SECTION, "政府办公厅（室）及相关机构事务");
  assert_code (c, F, "2010301", YUSUAN_CODE_LEVEL_ITEM, "行政运行");
  assert_code (c, F, "208", YUSUAN_CODE_LEVEL_CLASS, "社会保障和就业支出");
  assert_code (c, F, "20805", YUSUAN_CODE_LEVEL_SECTION, "行政事业单位养老支出");
  assert_code (c, F, "2080501", YUSUAN_CODE_LEVEL_ITEM, "行政单位离退休");
  assert_code (c, F, "2080505", YUSUAN_CODE_LEVEL_ITEM, "机关事业单位基本养老保险缴费支出");
  assert_code (c, F, "20808", YUSUAN_CODE_LEVEL_SECTION, "抚恤");
  assert_code (c, F, "2080801", YUSUAN_CODE_LEVEL_ITEM, "死亡抚恤");
  assert_code (c, F, "210", YUSUAN_CODE_LEVEL_CLASS, "卫生健康支出");
  assert_code (c, F, "21011", YUSUAN_CODE_LEVEL_SECTION, "行政事业单位医疗");
  assert_code (c, F, "2101101", YUSUAN_CODE_LEVEL_ITEM, "行政单位医疗");
  assert_code (c, F, "221", YUSUAN_CODE_LEVEL_CLASS, "住房保障支出");
  assert_code (c, F, "22102", YUSUAN_CODE_LEVEL_SECTION, "住房改革支出");
  assert_code (c, F, "2210201", YUSUAN_CODE_LEVEL_ITEM, "住房公积金");

  assert_code (c, D, "301", YUSUAN_CODE_LEVEL_CLASS, "工资福利支出");
  assert_code (c, D, "30101", YUSUAN_CODE_LEVEL_SECTION, "基本工资");
  assert_code (c, D, "30107", YUSUAN_CODE_LEVEL_SECTION, "绩效工资");
  assert_code (c, D, "30108", YUSUAN_CODE_LEVEL_SECTION, "机关事业单位基本养老保险缴费");
  assert_code (c, D, "30199", YUSUAN_CODE_LEVEL_SECTION, "其他工资福利支出");
  assert_code (c, D, "302", YUSUAN_CODE_LEVEL_CLASS, "商品和服务支出");
  assert_code (c, D, "30212", YUSUAN_CODE_LEVEL_SECTION, "因公出国（境）费用");
  assert_code (c, D, "30213", YUSUAN_CODE_LEVEL_SECTION, "维修（护）费");
  assert_code (c, D, "30217", YUSUAN_CODE_LEVEL_SECTION, "公务接待费");
  assert_code (c, D, "30231", YUSUAN_CODE_LEVEL_SECTION, "公务用车运行维护费");
  assert_code (c, D, "303", YUSUAN_CODE_LEVEL_CLASS, "对个人和家庭的补助");
  assert_code (c, D, "30302", YUSUAN_CODE_LEVEL_SECTION, "退休费");
  assert_code (c, D, "310", YUSUAN_CODE_LEVEL_CLASS, "资本性支出");
  assert_code (c, D, "31002", YUSUAN_CODE_LEVEL_SECTION, "办公设备购置");
  assert_code (c, D, "31013", YUSUAN_CODE_LEVEL_SECTION, "公务用车购置");

  assert_code (c, G, "501", YUSUAN_CODE_LEVEL_CLASS, "机关工资福利支出");
  assert_code (c, G, "50101", YUSUAN_CODE_LEVEL_SECTION, "工资奖金津补贴");
  assert_code (c, G, "50201", YUSUAN_CODE_LEVEL_SECTION, "办公经费");
  assert_code (c, G, "50306", YUSUAN_CODE_LEVEL_SECTION, "设备购置");
  assert_code (c, G, "50501", YUSUAN_CODE_LEVEL_SECTION, "工资福利支出");
  assert_code (c, G, "50502", YUSUAN_CODE_LEVEL_SECTION, "商品和服务支出");
  assert_code (c, G, "50905", YUSUAN_CODE_LEVEL_SECTION, "离退休费");

  /* Unknown codes, and codes of the wrong classification. */
  g_assert_null (yusuan_catalog_get_name (c, F, "2010398"));
  g_assert_cmpint (yusuan_catalog_get_level (c, F, "2010398"), ==, YUSUAN_CODE_LEVEL_NONE);
  g_assert_cmpint (yusuan_catalog_get_level (c, F, "30101"), ==, YUSUAN_CODE_LEVEL_NONE);
  g_assert_cmpint (yusuan_catalog_get_level (c, D, "50101"), ==, YUSUAN_CODE_LEVEL_NONE);
  g_assert_cmpint (yusuan_catalog_get_level (c, F, ""), ==, YUSUAN_CODE_LEVEL_NONE);
  g_assert_cmpint (yusuan_catalog_get_level (c, F, NULL), ==, YUSUAN_CODE_LEVEL_NONE);
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2010398"), ==, -1);
}

/* Every 类 of the 2023 支出功能分类, in official order, and nothing else. */
static void
test_classes_in_order (void)
{
  static const char *const expected[][2] = {
    { "201", "一般公共服务支出" }, { "202", "外交支出" }, { "203", "国防支出" },
    { "204", "公共安全支出" }, { "205", "教育支出" }, { "206", "科学技术支出" },
    { "207", "文化旅游体育与传媒支出" }, { "208", "社会保障和就业支出" },
    { "209", "社会保险基金支出" }, { "210", "卫生健康支出" }, { "211", "节能环保支出" },
    { "212", "城乡社区支出" }, { "213", "农林水支出" }, { "214", "交通运输支出" },
    { "215", "资源勘探工业信息等支出" }, { "216", "商业服务业等支出" }, { "217", "金融支出" },
    { "219", "援助其他地区支出" }, { "220", "自然资源海洋气象等支出" }, { "221", "住房保障支出" },
    { "222", "粮油物资储备支出" }, { "223", "国有资本经营预算支出" },
    { "224", "灾害防治及应急管理支出" }, { "227", "预备费" }, { "229", "其他支出" },
    { "230", "转移性支出" }, { "231", "债务还本支出" }, { "232", "债务付息支出" },
    { "233", "债务发行费用支出" }, { "234", "抗疫特别国债安排的支出" },
  };
  g_autoptr (YusuanCatalog) c = builtin ();
  const char *const *classes = yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_FUNCTION, NULL);
  int previous = -1;

  g_assert_cmpuint (g_strv_length ((char **) classes), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int order = yusuan_catalog_get_order (c, YUSUAN_CLASSIFICATION_FUNCTION, expected[i][0]);

      g_assert_cmpstr (classes[i], ==, expected[i][0]);
      assert_code (c, YUSUAN_CLASSIFICATION_FUNCTION, expected[i][0], YUSUAN_CODE_LEVEL_CLASS, expected[i][1]);
      g_assert_cmpint (order, >, previous);
      previous = order;
    }
}

/* Official order is a tree walk: a class, its first section, that section's
 * items, the next section …, then the next class. */
static void
test_order_and_children (void)
{
  g_autoptr (YusuanCatalog) c = builtin ();
  const YusuanClassification F = YUSUAN_CLASSIFICATION_FUNCTION;
  const char *const *items = yusuan_catalog_get_children (c, F, "20103");
  const char *const *none;
  guint n = g_strv_length ((char **) items);

  g_assert_cmpstr (items[0], ==, "2010301");
  g_assert_cmpstr (items[1], ==, "2010302");
  g_assert_cmpstr (items[n - 1], ==, "2010399");
  g_assert_cmpstr (yusuan_catalog_get_children (c, F, "201")[0], ==, "20101");
  g_assert_cmpstr (yusuan_catalog_get_children (c, F, "229")[0], ==, "22902");

  g_assert_cmpint (yusuan_catalog_get_order (c, F, "201"), ==, 0);
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "201"), <, yusuan_catalog_get_order (c, F, "20101"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "20101"), <, yusuan_catalog_get_order (c, F, "2010101"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2010199"), <, yusuan_catalog_get_order (c, F, "20102"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2010350"), <, yusuan_catalog_get_order (c, F, "2010399"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2019999"), <, yusuan_catalog_get_order (c, F, "202"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "22999"), <, yusuan_catalog_get_order (c, F, "230"));

  /* No children: an empty list, never NULL. */
  none = yusuan_catalog_get_children (c, F, "2010301");
  g_assert_nonnull (none);
  g_assert_null (none[0]);
  none = yusuan_catalog_get_children (c, F, "999");
  g_assert_nonnull (none);
  g_assert_null (none[0]);

  /* Walking the tree visits every code once, in increasing order. */
  for (YusuanClassification k = YUSUAN_CLASSIFICATION_FUNCTION; k <= YUSUAN_CLASSIFICATION_ECON_GOV; k++)
    {
      const char *const *classes = yusuan_catalog_get_children (c, k, NULL);
      int expected_order = 0;

      for (guint i = 0; classes[i] != NULL; i++)
        {
          const char *const *sections = yusuan_catalog_get_children (c, k, classes[i]);

          g_assert_cmpint (yusuan_catalog_get_order (c, k, classes[i]), ==, expected_order++);
          for (guint j = 0; sections[j] != NULL; j++)
            {
              const char *const *leaves = yusuan_catalog_get_children (c, k, sections[j]);

              g_assert_true (g_str_has_prefix (sections[j], classes[i]));
              g_assert_cmpint (yusuan_catalog_get_level (c, k, sections[j]), ==, YUSUAN_CODE_LEVEL_SECTION);
              g_assert_cmpint (yusuan_catalog_get_order (c, k, sections[j]), ==, expected_order++);
              for (guint l = 0; leaves[l] != NULL; l++)
                {
                  g_assert_true (k == YUSUAN_CLASSIFICATION_FUNCTION);
                  g_assert_true (g_str_has_prefix (leaves[l], sections[j]));
                  g_assert_cmpint (yusuan_catalog_get_order (c, k, leaves[l]), ==, expected_order++);
                }
            }
        }
    }
}

/* Spot checks of the 款 and 项 of every 类 the catalogue must list in full. */
static void
test_required_classes (void)
{
  static const char *const expected[][2] = {
    { "20101", "人大事务" }, { "2010104", "人大会议" }, { "20106", "财政事务" },
    { "2010305", "专项业务及机关事务管理" }, { "20111", "纪检监察事务" }, { "2011105", "派驻派出机构" },
    { "20129", "群众团体事务" }, { "2012902", "一般行政管理事务" }, { "20131", "党委办公厅（室）及相关机构事务" },
    { "20199", "其他一般公共服务支出" }, { "2019901", "国家赔偿费用支出" },
    { "20502", "普通教育" }, { "2050201", "学前教育" }, { "2050204", "高中教育" },
    { "20508", "进修及培训" }, { "2050803", "培训支出" },
    { "20603", "应用研究" }, { "2060302", "社会公益研究" }, { "20607", "科学技术普及" }, { "2060702", "科普活动" },
    { "20701", "文化和旅游" }, { "2070104", "图书馆" }, { "20703", "体育" }, { "2070308", "群众体育" },
    { "20801", "人力资源和社会保障管理事务" }, { "2080109", "社会保险经办机构" },
    { "20805", "行政事业单位养老支出" }, { "2080506", "机关事业单位职业年金缴费支出" },
    { "20819", "最低生活保障" }, { "2081902", "农村最低生活保障金支出" }, { "20828", "退役军人管理事务" },
    { "21004", "公共卫生" }, { "2100408", "基本公共卫生服务" }, { "21007", "计划生育事务" },
    { "2100717", "计划生育服务" }, { "21011", "行政事业单位医疗" }, { "2101103", "公务员医疗补助" },
    { "21201", "城乡社区管理事务" }, { "2120102", "一般行政管理事务" }, { "2120199", "其他城乡社区管理事务支出" },
    { "21208", "国有土地使用权出让收入安排的支出" }, { "2120801", "征地和拆迁补偿支出" },
    { "21301", "农业农村" }, { "2130101", "行政运行" }, { "21303", "水利" }, { "2130314", "防汛" },
    { "21307", "农村综合改革" }, { "21366", "大中型水库库区基金安排的支出" },
    { "22101", "保障性安居工程支出" }, { "2210105", "农村危房改造" }, { "22103", "城乡社区住宅" },
    { "22908", "彩票发行销售机构业务费安排的支出" }, { "22960", "彩票公益金安排的支出" },
    { "2296002", "用于社会福利的彩票公益金支出" }, { "2296003", "用于体育事业的彩票公益金支出" },
    { "2296013", "用于其他社会公益事业的彩票公益金支出" }, { "22999", "其他支出" },
  };
  static const char *const required[] = {
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
    "214", "215", "216", "217", "220", "221", "222", "223", "224", "229",
  };
  g_autoptr (YusuanCatalog) c = builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_code (c, YUSUAN_CLASSIFICATION_FUNCTION, expected[i][0],
                 strlen (expected[i][0]) == 5 ? YUSUAN_CODE_LEVEL_SECTION : YUSUAN_CODE_LEVEL_ITEM,
                 expected[i][1]);

  /* Each required class has sections, and most sections have items to book on. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const char *const *sections = yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_FUNCTION, required[i]);
      guint with_items = 0;

      g_assert_cmpuint (g_strv_length ((char **) sections), >=, 3);
      for (guint j = 0; sections[j] != NULL; j++)
        if (yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_FUNCTION, sections[j])[0] != NULL)
          with_items++;
      g_assert_cmpuint (with_items, >=, 2);
    }
}

/* The 类 beyond the seed's: what a 公安局, 司法局, 生态环境局, 交通运输局,
 * 工业和信息化局, 自然资源局, 应急管理局 … books on, by official name and level. */
static void
test_department_classes (void)
{
  static const char *const expected[][2] = {
    /* 202 外交支出 */
    { "20201", "外交管理事务" }, { "2020101", "行政运行" }, { "2020199", "其他外交管理事务支出" },
    { "20202", "驻外机构" }, { "2020201", "驻外使领馆（团、处）" }, { "20205", "对外合作与交流" },
    { "2020504", "国际交流活动" }, { "20208", "国际发展合作" }, { "20299", "其他外交支出" },
    /* 203 国防支出 */
    { "20306", "国防动员" }, { "2030601", "兵役征集" }, { "2030603", "人民防空" }, { "2030607", "民兵" },
    { "2030699", "其他国防动员支出" },
    /* 204 公共安全支出 */
    { "20401", "武装警察部队" }, { "20402", "公安" }, { "2040201", "行政运行" }, { "2040219", "信息化建设" },
    { "2040220", "执法办案" }, { "2040221", "特别业务" }, { "2040250", "事业运行" }, { "2040299", "其他公安支出" },
    { "20404", "检察" }, { "2040409", "“两房”建设" }, { "2040410", "检察监督" },
    { "20405", "法院" }, { "2040504", "案件审判" }, { "2040506", "“两庭”建设" },
    { "20406", "司法" }, { "2040601", "行政运行" }, { "2040604", "基层司法业务" }, { "2040605", "普法宣传" },
    { "2040607", "公共法律服务" }, { "2040610", "社区矫正" }, { "2040612", "法治建设" },
    { "2040650", "事业运行" }, { "2040699", "其他司法支出" }, { "20407", "监狱" }, { "20408", "强制隔离戒毒" },
    { "20499", "其他公共安全支出" }, { "2049902", "国家司法救助支出" },
    /* 211 节能环保支出 */
    { "21101", "环境保护管理事务" }, { "2110101", "行政运行" }, { "2110105", "环境保护法规、规划及标准" },
    { "2110199", "其他环境保护管理事务支出" }, { "21103", "污染防治" }, { "2110301", "大气" }, { "2110307", "土壤" },
    { "21104", "自然生态保护" }, { "21111", "污染减排" }, { "2111101", "生态环境监测与信息" },
    { "2111102", "生态环境执法监察" }, { "21114", "能源管理事务" },
    /* 214 交通运输支出 */
    { "21401", "公路水路运输" }, { "2140101", "行政运行" }, { "2140104", "公路建设" }, { "2140106", "公路养护" },
    { "2140112", "公路运输管理" }, { "2140199", "其他公路水路运输支出" },
    { "21404", "成品油价格改革对交通运输的补贴" }, { "2140401", "对城市公交的补贴" },
    { "21499", "其他交通运输支出" }, { "2149901", "公共交通运营补助" },
    /* 215 资源勘探工业信息等支出 */
    { "21505", "工业和信息产业监管" }, { "2150501", "行政运行" }, { "2150517", "产业发展" },
    { "2150550", "事业运行" }, { "2150599", "其他工业和信息产业监管支出" },
    { "21508", "支持中小企业发展和管理支出" }, { "2150805", "中小企业发展专项" },
    /* 216 商业服务业等支出, 217 金融支出 */
    { "21602", "商业流通事务" }, { "2160201", "行政运行" }, { "21606", "涉外发展服务支出" },
    { "21701", "金融部门行政支出" }, { "2170199", "金融部门其他行政支出" }, { "21703", "金融发展支出" },
    /* 220 自然资源海洋气象等支出 */
    { "22001", "自然资源事务" }, { "2200101", "行政运行" }, { "2200104", "自然资源规划及管理" },
    { "2200109", "自然资源调查与确权登记" }, { "2200150", "事业运行" }, { "2200199", "其他自然资源事务支出" },
    { "22005", "气象事务" }, { "2200504", "气象事业机构" },
    /* 222 粮油物资储备支出, 223 国有资本经营预算支出 */
    { "22201", "粮油物资事务" }, { "2220115", "粮食风险基金" }, { "22204", "粮油储备" },
    { "2220403", "储备粮（油）库建设" }, { "22302", "国有企业资本金注入" }, { "2230301", "国有企业政策性补贴" },
    /* 224 灾害防治及应急管理支出 */
    { "22401", "应急管理事务" }, { "2240101", "行政运行" }, { "2240106", "安全监管" }, { "2240108", "应急救援" },
    { "2240150", "事业运行" }, { "2240199", "其他应急管理支出" }, { "22402", "消防救援事务" },
    { "2240204", "消防应急救援" }, { "22405", "地震事务" }, { "2240550", "地震事业机构" },
    { "22406", "自然灾害防治" }, { "2240601", "地质灾害防治" },
    /* 231 … 233: debt */
    { "23103", "地方政府一般债务还本支出" }, { "2310301", "地方政府一般债券还本支出" },
    { "23203", "地方政府一般债务付息支出" }, { "2320301", "地方政府一般债券付息支出" },
    { "23303", "地方政府一般债务发行费用支出" },
    /* Rows the first edition left out, since checked */
    { "2100409", "重大公共卫生服务" }, { "2210109", "住房租赁市场发展" }, { "2210110", "保障性租赁住房" },
  };
  /* Codes a budget must not get through with: 公安 items merged into 执法办案 and
   * 特别业务 in 2019, and 事业运行 of 款 that have none. */
  static const char *const absent[] = {
    "2040204", "2040206", "2040212", "2040217", "2110150", "22003", "22004",
  };
  g_autoptr (YusuanCatalog) c = builtin ();
  const YusuanClassification F = YUSUAN_CLASSIFICATION_FUNCTION;
  const char *const *items;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_code (c, F, expected[i][0],
                 strlen (expected[i][0]) == 5 ? YUSUAN_CODE_LEVEL_SECTION : YUSUAN_CODE_LEVEL_ITEM,
                 expected[i][1]);
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_assert_cmpint (yusuan_catalog_get_level (c, F, absent[i]), ==, YUSUAN_CODE_LEVEL_NONE);

  /* A 款 lists its items in official order: the standard ones first, its own,
   * 事业运行, then 其他. */
  items = yusuan_catalog_get_children (c, F, "20402");
  n = g_strv_length ((char **) items);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (items[0], ==, "2040201");
  g_assert_cmpstr (items[3], ==, "2040219");
  g_assert_cmpstr (items[n - 2], ==, "2040250");
  g_assert_cmpstr (items[n - 1], ==, "2040299");
  g_assert_cmpstr (yusuan_catalog_get_children (c, F, "224")[0], ==, "22401");
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2049999"), <, yusuan_catalog_get_order (c, F, "205"));
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2249999"), <, yusuan_catalog_get_order (c, F, "227"));

  /* 227 预备费 has no 款; 209, 219, 230 and 234 are classes only for now. */
  g_assert_null (yusuan_catalog_get_children (c, F, "227")[0]);

  /* The code chooser finds them by name, and by 款 name and item name. */
  {
    g_autoptr (GPtrArray) by_name = yusuan_catalog_search (c, F, "执法办案", YUSUAN_CODE_LEVEL_ITEM, 10);
    g_autoptr (GPtrArray) by_path = yusuan_catalog_search (c, F, "司法 行政运行", YUSUAN_CODE_LEVEL_ITEM, 5);
    g_autoptr (GPtrArray) by_code = yusuan_catalog_search (c, F, "224 01 50", YUSUAN_CODE_LEVEL_NONE, 5);

    g_assert_cmpuint (by_name->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (by_name, 0), ==, "2040220");
    g_assert_cmpuint (by_path->len, >=, 1);
    g_assert_cmpstr (g_ptr_array_index (by_path, 0), ==, "2040601");
    g_assert_cmpuint (by_code->len, >=, 1);
    g_assert_cmpstr (g_ptr_array_index (by_code, 0), ==, "2240150");
  }
}

/* The two economic classifications are complete at class level and every
 * department 款 has a government code for 机关 and for 事业单位. */
static void
test_economic_classifications (void)
{
  static const char *const dept_classes[] = {
    "301", "302", "303", "307", "309", "310", "311", "312", "313", "399", NULL,
  };
  static const char *const gov_classes[] = {
    "501", "502", "503", "504", "505", "506", "507", "508", "509", "510",
    "511", "512", "513", "514", "599", NULL,
  };
  g_autoptr (YusuanCatalog) c = builtin ();
  const char *const *classes = yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_DEPT, NULL);
  guint n_sections = 0;

  g_assert_cmpstrv (classes, dept_classes);
  g_assert_cmpstrv (yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_GOV, NULL), gov_classes);
  g_assert_cmpuint (g_strv_length ((char **) yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_DEPT, "301")), ==, 13);
  g_assert_cmpuint (g_strv_length ((char **) yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_DEPT, "310")), ==, 16);
  g_assert_cmpuint (g_strv_length ((char **) yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_GOV, "502")), ==, 10);

  for (guint i = 0; classes[i] != NULL; i++)
    {
      const char *const *sections = yusuan_catalog_get_children (c, YUSUAN_CLASSIFICATION_ECON_DEPT, classes[i]);

      g_assert_nonnull (sections[0]);
      for (guint j = 0; sections[j] != NULL; j++)
        for (YusuanUnitKind kind = 0; kind < YUSUAN_N_UNIT_KINDS; kind++)
          {
            const char *gov = yusuan_catalog_econ_default_gov (c, sections[j], kind);

            if (gov == NULL)
              g_error ("%s has no government code for unit kind %d", sections[j], kind);
            g_assert_cmpint (yusuan_catalog_get_level (c, YUSUAN_CLASSIFICATION_ECON_GOV, gov), ==,
                             YUSUAN_CODE_LEVEL_SECTION);
            g_assert_true (yusuan_catalog_econ_pair_allowed (c, sections[j], gov));
            n_sections++;
          }
    }
  g_assert_cmpuint (n_sections, >, 90 * YUSUAN_N_UNIT_KINDS);
}

static void
test_correspondence (void)
{
  g_autoptr (YusuanCatalog) c = builtin ();
  const YusuanUnitKind ADMIN = YUSUAN_UNIT_KIND_ADMINISTRATIVE;
  const YusuanUnitKind CIVIL = YUSUAN_UNIT_KIND_CIVIL_SERVANT_MANAGED;
  const YusuanUnitKind INST = YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION;

  /* Both targets, by unit kind (the example of the issue: 30201 → 50201 or 50502). */
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30201", ADMIN), ==, "50201");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30201", CIVIL), ==, "50201");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30201", INST), ==, "50502");
  g_assert_true (yusuan_catalog_econ_pair_allowed (c, "30201", "50201"));
  g_assert_true (yusuan_catalog_econ_pair_allowed (c, "30201", "50502"));
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "30201", "50101"));
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "30201", "50299"));

  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30101", ADMIN), ==, "50101");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30101", INST), ==, "50501");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30108", ADMIN), ==, "50102");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30113", ADMIN), ==, "50103");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30215", ADMIN), ==, "50202");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30217", ADMIN), ==, "50206");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30213", ADMIN), ==, "50209");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30302", ADMIN), ==, "50905");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30302", INST), ==, "50905");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "31002", ADMIN), ==, "50306");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "31002", INST), ==, "50601");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30902", ADMIN), ==, "50404");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30902", INST), ==, "50602");

  /* 30199 belongs under 50199; the seed's 50101 is an allowed extra pair. */
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30199", ADMIN), ==, "50199");
  g_assert_true (yusuan_catalog_econ_pair_allowed (c, "30199", "50199"));
  g_assert_true (yusuan_catalog_econ_pair_allowed (c, "30199", "50101"));
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "30101", "50199"));

  /* 绩效工资 has no 机关 target: every unit gets the 事业单位 one. */
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30107", ADMIN), ==, "50501");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30107", INST), ==, "50501");

  /* Unknown codes and classes are never allowed. */
  g_assert_null (yusuan_catalog_econ_default_gov (c, "30298", ADMIN));
  g_assert_null (yusuan_catalog_econ_default_gov (c, "302", ADMIN));
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "302", "502"));
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "30201", NULL));

  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "30101"), ==, YUSUAN_CATEGORY_PERSONNEL);
  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "30199"), ==, YUSUAN_CATEGORY_PERSONNEL);
  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "30302"), ==, YUSUAN_CATEGORY_PERSONNEL);
  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "30229"), ==, YUSUAN_CATEGORY_PUBLIC);
  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "30201"), ==, YUSUAN_CATEGORY_PUBLIC);
  g_assert_cmpint (yusuan_catalog_econ_default_category (c, "31002"), ==, YUSUAN_CATEGORY_PUBLIC);
}

/* Every code and every 部门→政府 pair of the seed fixture is in the catalogue,
 * so checking the seed raises no code or correspondence warning. */
static void
test_seed_fixture_pairs (void)
{
  g_autoptr (YusuanCatalog) c = builtin ();
  g_autoptr (GRegex) line_re = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  const char *fixture = g_getenv ("YUSUAN_FIXTURE");
  guint n_lines = 0;

  g_assert_nonnull (fixture);
  g_file_get_contents (fixture, &xml, NULL, &error);
  g_assert_no_error (error);

  line_re = g_regex_new ("<line [^>]*function=\"(\\d+)\" econ-dept=\"(\\d+)\" econ-gov=\"(\\d+)\"", 0, 0, &error);
  g_assert_no_error (error);
  for (g_regex_match (line_re, xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *function = g_match_info_fetch (match, 1);
      g_autofree char *dept = g_match_info_fetch (match, 2);
      g_autofree char *gov = g_match_info_fetch (match, 3);

      g_assert_cmpint (yusuan_catalog_get_level (c, YUSUAN_CLASSIFICATION_FUNCTION, function), ==, YUSUAN_CODE_LEVEL_ITEM);
      g_assert_cmpint (yusuan_catalog_get_level (c, YUSUAN_CLASSIFICATION_ECON_DEPT, dept), ==, YUSUAN_CODE_LEVEL_SECTION);
      g_assert_cmpint (yusuan_catalog_get_level (c, YUSUAN_CLASSIFICATION_ECON_GOV, gov), ==, YUSUAN_CODE_LEVEL_SECTION);
      if (!yusuan_catalog_econ_pair_allowed (c, dept, gov))
        g_error ("the seed pairs %s with %s, which the catalogue does not allow", dept, gov);
      n_lines++;
    }
  /* 28 basic lines and 17 project lines. */
  g_assert_cmpuint (n_lines, ==, 45);
}

static char **
search (YusuanCatalog        *c,
        YusuanClassification  classification,
        const char           *query,
        YusuanCodeLevel       level,
        guint                 max)
{
  g_autoptr (GPtrArray) found = yusuan_catalog_search (c, classification, query, level, max);

  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static void
test_search (void)
{
  g_autoptr (YusuanCatalog) c = builtin ();
  const YusuanClassification F = YUSUAN_CLASSIFICATION_FUNCTION;
  g_auto (GStrv) by_section = search (c, F, "20103", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) items = search (c, F, "20103", YUSUAN_CODE_LEVEL_ITEM, 3);
  g_auto (GStrv) by_name = search (c, F, "行政运行", YUSUAN_CODE_LEVEL_ITEM, 0);
  g_auto (GStrv) by_path = search (c, F, "政府办公厅 行政运行", YUSUAN_CODE_LEVEL_NONE, 5);
  g_auto (GStrv) spaced = search (c, F, "201 03 01", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) mixed = search (c, F, "20103 行政运行", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) partial = search (c, F, "彩票公益金", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) ascii_parens = search (c, YUSUAN_CLASSIFICATION_ECON_DEPT, "维修(护)", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) fullwidth = search (c, YUSUAN_CLASSIFICATION_ECON_GOV, "５０５", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) nothing = search (c, F, "不存在的科目", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) blank = search (c, F, "   ", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) invalid = search (c, F, "\xff行政", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) capped = search (c, F, "2", YUSUAN_CODE_LEVEL_NONE, 7);
  g_auto (GStrv) glued = search (c, F, "2010301行政运行", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) bracketed = search (c, F, "[2010301]", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) spaced_words = search (c, F, "201 03 行政运行", YUSUAN_CODE_LEVEL_NONE, 0);
  g_auto (GStrv) wrong_prefix = search (c, F, "208 行政运行", YUSUAN_CODE_LEVEL_NONE, 0);

  /* The exact code first, then its descendants in official order. */
  g_assert_cmpstr (by_section[0], ==, "20103");
  g_assert_cmpstr (by_section[1], ==, "2010301");
  g_assert_cmpuint (g_strv_length (by_section), ==,
                    1 + g_strv_length ((char **) yusuan_catalog_get_children (c, F, "20103")));

  g_assert_cmpuint (g_strv_length (items), ==, 3);
  g_assert_cmpstr (items[0], ==, "2010301");
  g_assert_cmpstr (items[1], ==, "2010302");

  /* Every 行政运行, the seed's among them; all of them exact name matches. */
  g_assert_true (g_strv_contains ((const char *const *) by_name, "2010301"));
  g_assert_true (g_strv_contains ((const char *const *) by_name, "2010101"));
  g_assert_cmpstr (by_name[0], ==, "2010101");
  for (guint i = 0; by_name[i] != NULL; i++)
    g_assert_cmpstr (yusuan_catalog_get_name (c, F, by_name[i]), ==, "行政运行");

  g_assert_cmpstr (by_path[0], ==, "2010301");
  g_assert_cmpuint (g_strv_length (by_path), ==, 1);
  g_assert_cmpstr (spaced[0], ==, "2010301");
  g_assert_cmpuint (g_strv_length (spaced), ==, 1);
  g_assert_cmpstr (mixed[0], ==, "2010301");
  g_assert_cmpuint (g_strv_length (mixed), ==, 1);

  /* Names containing the words come after exact names, in official order. */
  g_assert_cmpstr (partial[0], ==, "22960");
  g_assert_true (g_strv_contains ((const char *const *) partial, "2296002"));

  g_assert_cmpstr (ascii_parens[0], ==, "30213");
  g_assert_cmpstr (fullwidth[0], ==, "505");
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);
  g_assert_cmpuint (g_strv_length (blank), ==, 0);
  g_assert_cmpuint (g_strv_length (invalid), ==, 0);
  g_assert_cmpuint (g_strv_length (capped), ==, 7);
  g_assert_cmpstr (capped[0], ==, "201");

  /* Codes as the tables print them next to names. */
  g_assert_cmpstrv (glued, ((const char *[]) { "2010301", NULL }));
  g_assert_cmpstrv (bracketed, ((const char *[]) { "2010301", NULL }));
  g_assert_cmpstrv (spaced_words, ((const char *[]) { "2010301", NULL }));
  /* 208 has no 行政运行 of its own but 20801 does; nothing outside 208. */
  for (guint i = 0; wrong_prefix[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (wrong_prefix[i], "208"));
  g_assert_true (g_strv_contains ((const char *const *) wrong_prefix, "2080101"));
}

static YusuanCatalog *
parse_string (const char  *text,
              GError     **error)
{
  return yusuan_catalog_new_from_data (text, strlen (text), "bad.catalog", error);
}

/* Each broken file is refused, and the message names the file, the line and the fault. */
static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    const char *message;  /* expected prefix "bad.catalog:LINE:" and a fragment */
  } cases[] = {
    /* bad header */
    { "", "bad.catalog:1: the file is empty" },
    { "# only a comment\n", "bad.catalog:1: the file is empty" },
    { "# comment\nfunction\t201\t一般公共服务支出\n", "bad.catalog:2: this is not a Yusuan catalogue" },
    { "yusuan-catalog\t2\t2023\t-\n" SMALL_BODY, "bad.catalog:1: the catalogue is in format version 2" },
    { "yusuan-catalog\t1\t23\t-\n" SMALL_BODY, "bad.catalog:1: “23” is not a fiscal year" },
    { "yusuan-catalog\t1\t2024\t2023\n" SMALL_BODY, "bad.catalog:1: the last year 2023 is before the first year 2024" },
    { "yusuan-catalog\t1\t2023\n" SMALL_BODY, "bad.catalog:1: a “yusuan-catalog” line has 3 columns, it needs 4" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "yusuan-catalog\t1\t2023\t-\n",
      "bad.catalog:13: a second header line (the first is on line 1)" },
    /* bad code */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t20A01\t人大事务\n",
      "bad.catalog:13: “20A01” is not a function classification code" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t2010\t人大事务\n",
      "bad.catalog:13: “2010” is not a function classification code" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t301\t工资福利支出\n",
      "bad.catalog:13: “301” is not a function classification code" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "econ-dept\t3010101\t基本工资\n",
      "bad.catalog:13: “3010101” is not a department economic code" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "econ-gov\t30101\t基本工资\n",
      "bad.catalog:13: “30101” is not a government economic code" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t2010302\t\t# no name\n",
      "bad.catalog:13: code 2010302 has no name" },
    /* duplicate code */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t2010301\t行政运行\n",
      "bad.catalog:13: code 2010301 is listed twice (first on line 5)" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "map\t30201\t50201\t50502\n",
      "bad.catalog:13: 30201 has a second “map” line (first on line 12)" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "allow\t30201\t50502\nallow\t30201\t50502\n",
      "bad.catalog:14: the pair 30201 → 50502 is listed twice (first on line 13)" },
    /* child without parent */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t2010401\t行政运行\n",
      "bad.catalog:13: code 2010401 has no parent: 20104 must be listed on an earlier “function” line" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "econ-gov\t50101\t工资奖金津补贴\n",
      "bad.catalog:13: code 50101 has no parent: 501 must be listed" },
    /* wrong column count */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t20104\n",
      "bad.catalog:13: a “function” line has 2 columns, it needs 3 to 4" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t20104\t发展与改革事务\tgk\textra\n",
      "bad.catalog:13: a “function” line has 5 columns, it needs 3 to 4" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "map\t30201\t50201\n",
      "bad.catalog:13: a “map” line has 3 columns, it needs 4 to 5" },
    { "yusuan-catalog\t1\t2023\t-\nsource\ta\tb\n", "bad.catalog:2: a “source” line has 3 columns, it needs 2" },
    /* A record name alone: the columns are counted before any is read (ASan
     * saw the name read past the split cells). */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\n",
      "bad.catalog:13: a “function” line has 1 columns, it needs 3 to 4" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "econ-gov\n",
      "bad.catalog:13: a “econ-gov” line has 1 columns, it needs 3 to 4" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "map\t30201\n",
      "bad.catalog:13: a “map” line has 2 columns, it needs 4 to 5" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "allow\n",
      "bad.catalog:13: a “allow” line has 1 columns, it needs 3 to 4" },
    { "yusuan-catalog\t1\t2023\t-\nfunction 201 一般公共服务支出\n",
      "bad.catalog:2: unknown record “function 201 一般公共服务支出”" },
    /* correspondence */
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "allow\t30201\t50299\n",
      "bad.catalog:13: 50299 is not a government economic 款" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "allow\t302\t502\n",
      "bad.catalog:13: 302 is not a department economic 款" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "econ-dept\t30202\t印刷费\nmap\t30202\t-\t-\n",
      "bad.catalog:14: 30202 needs at least one government code" },
    /* the file as a whole */
    { "yusuan-catalog\t1\t2023\t-\nfunction\t201\t一般公共服务支出\n",
      "bad.catalog:1: the catalogue has no “source” line" },
    { "yusuan-catalog\t1\t2023\t-\nsource\tx\nfunction\t201\t一般公共服务支出\n",
      "bad.catalog:3: the catalogue has no “econ-dept” lines" },
    { "yusuan-catalog\t1\t2023\t-\nsource\tx\nsource\ty\n",
      "bad.catalog:3: a second “source” line (the first is on line 2)" },
    { "yusuan-catalog\t1\t2023\t-\n" SMALL_BODY "function\t20104\t\xe5\x8f\x91\xff\n",
      "bad.catalog:13: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (YusuanCatalog) catalog = parse_string (cases[i].text, &error);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_null (catalog);
      g_assert_error (error, YUSUAN_CATALOG_ERROR, YUSUAN_CATALOG_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].message, error->message);
    }

  /* A NUL byte inside the data. */
  {
    static const char with_nul[] = "yusuan-catalog\t1\t2023\t-\nsource\tx\0y\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (YusuanCatalog) catalog =
      yusuan_catalog_new_from_data (with_nul, sizeof with_nul - 1, "bad.catalog", &error);

    g_assert_null (catalog);
    g_assert_error (error, YUSUAN_CATALOG_ERROR, YUSUAN_CATALOG_ERROR_PARSE);
    g_assert_true (g_str_has_prefix (error->message, "bad.catalog:2: "));
  }
}

/* What a spreadsheet writes: a byte-order mark, CRLF, padded rows, quoted
 * cells, spaces around cells, comments, blank lines. */
static void
test_spreadsheet_export (void)
{
  static const char text[] =
    "\xef\xbb\xbfyusuan-catalog\t1\t2022\t2024\t\t\r\n"
    "# 目录\t\t\t\t\t\r\n"
    "\t\t\t\t\t\r\n"
    "source\t\"财政局 \"\"2023\"\" 目录\"\t\t\t\t\r\n"
    "function\t 202 \t外交支出\t\t\t\r\n"
    "function\t201\t一般公共服务支出\tseed\t\t\r\n"
    "function\t20101\t人大事务\t\t\t\r\n"
    "function\t20201\t外交管理事务\t\t\t\r\n"
    "function\t2020101\t行政运行\t\t\t\r\n"
    "econ-dept\t302\t商品和服务支出\t\t\t\r\n"
    "econ-dept\t30201\t办公费\t\t\t\r\n"
    "econ-gov\t502\t机关商品和服务支出\t\t\t\r\n"
    "econ-gov\t50201\t办公经费\t\t\t\r\n"
    "map\t30201\t50201\t-\tonly 机关\t\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (YusuanCatalog) c = yusuan_catalog_new_from_data (text, sizeof text - 1, "export.catalog", &error);
  const YusuanClassification F = YUSUAN_CLASSIFICATION_FUNCTION;

  g_assert_no_error (error);
  g_assert_cmpint (yusuan_catalog_get_first_year (c), ==, 2022);
  g_assert_cmpint (yusuan_catalog_get_last_year (c), ==, 2024);
  g_assert_cmpstr (yusuan_catalog_get_source (c), ==, "财政局 \"2023\" 目录");
  assert_code (c, F, "202", YUSUAN_CODE_LEVEL_CLASS, "外交支出");

  /* File order is official order among siblings, wherever the children are listed. */
  g_assert_cmpstr (yusuan_catalog_get_children (c, F, NULL)[0], ==, "202");
  g_assert_cmpstr (yusuan_catalog_get_children (c, F, NULL)[1], ==, "201");
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "202"), ==, 0);
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "2020101"), ==, 2);
  g_assert_cmpint (yusuan_catalog_get_order (c, F, "201"), ==, 3);

  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30201", YUSUAN_UNIT_KIND_PUBLIC_INSTITUTION), ==, "50201");
  g_assert_false (yusuan_catalog_econ_pair_allowed (c, "30201", "-"));
}

/* The example in data/catalogs/README.md is a valid catalogue, and says what
 * the README says it does. */
static void
test_readme_example (void)
{
  g_autofree char *path = NULL;
  g_autofree char *readme = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (YusuanCatalog) c = NULL;
  const char *start;
  const char *end;

  path = g_build_filename (g_getenv ("YUSUAN_SOURCE_ROOT"), "data", "catalogs", "README.md", NULL);
  g_file_get_contents (path, &readme, NULL, &error);
  g_assert_no_error (error);

  start = strstr (readme, "### Example\n\n```\n");
  g_assert_nonnull (start);
  start = strchr (strstr (start, "```"), '\n') + 1;
  end = strstr (start, "```");
  g_assert_nonnull (end);

  c = yusuan_catalog_new_from_data (start, end - start, "README.md", &error);
  g_assert_no_error (error);
  g_assert_cmpint (yusuan_catalog_get_first_year (c), ==, 2024);
  g_assert_cmpint (yusuan_catalog_get_last_year (c), ==, G_MAXINT);
  assert_code (c, YUSUAN_CLASSIFICATION_FUNCTION, "2010302", YUSUAN_CODE_LEVEL_ITEM, "一般行政管理事务");
  g_assert_cmpstr (yusuan_catalog_econ_default_gov (c, "30231", YUSUAN_UNIT_KIND_ADMINISTRATIVE), ==, "50208");
  g_assert_true (yusuan_catalog_econ_pair_allowed (c, "30201", "50208"));
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static guint
count_imports (void)
{
  g_autofree char *dir_path = g_build_filename (data_home, "yusuan", "catalogs", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* An imported catalogue replaces the shipped one for its years only; a bad
 * file is refused and writes nothing. */
static void
test_import (void)
{
  g_autofree char *dir = g_build_filename (data_home, "input", NULL);
  g_autofree char *only_2023 = g_build_filename (dir, "bureau-2023.txt", NULL);
  g_autofree char *from_2024 = g_build_filename (dir, "bureau-2024.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.txt", NULL);
  g_autofree char *target = g_build_filename (data_home, "yusuan", "catalogs", "yusuan-2023-2023.catalog", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (YusuanCatalog) before = yusuan_catalog_get_for_year (2023);
  g_autoptr (YusuanCatalog) shipped = yusuan_catalog_get_builtin ();

  g_assert_true (before == shipped);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* A broken file: refused with its name and line, nothing written. */
  write_file (broken, "yusuan-catalog\t1\t2023\t2023\n" SMALL_BODY "function\t2010401\t行政运行\n");
  file = g_file_new_for_path (broken);
  g_assert_false (yusuan_catalog_import (file, &error));
  g_assert_error (error, YUSUAN_CATALOG_ERROR, YUSUAN_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.txt:13:"));
  g_assert_cmpuint (count_imports (), ==, 0);
  g_clear_error (&error);
  g_clear_object (&file);

  /* A missing file. */
  file = g_file_new_for_path (only_2023);
  g_assert_false (yusuan_catalog_import (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "bureau-2023.txt"));
  g_clear_error (&error);

  /* The bureau's list for 2023: used for 2023, the shipped one stays for 2024. */
  write_file (only_2023, "yusuan-catalog\t1\t2023\t2023\n" SMALL_BODY);
  g_assert_true (yusuan_catalog_import (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_imports (), ==, 1);
  {
    g_autoptr (YusuanCatalog) y2023 = yusuan_catalog_get_for_year (2023);
    g_autoptr (YusuanCatalog) y2024 = yusuan_catalog_get_for_year (2024);
    g_autoptr (YusuanCatalog) still = yusuan_catalog_get_builtin ();

    g_assert_cmpstr (yusuan_catalog_get_source (y2023), ==, "bureau list 2023-A");
    g_assert_null (yusuan_catalog_get_name (y2023, YUSUAN_CLASSIFICATION_FUNCTION, "2080501"));
    g_assert_true (y2024 == shipped);
    g_assert_true (still == shipped);
  }
  g_clear_object (&file);

  /* A newer list from 2024 on: 2024 and later use it, 2023 keeps its own. */
  write_file (from_2024, "yusuan-catalog\t1\t2024\t-\n" SMALL_BODY);
  file = g_file_new_for_path (from_2024);
  g_assert_true (yusuan_catalog_import (file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_imports (), ==, 2);
  {
    g_autoptr (YusuanCatalog) y2023 = yusuan_catalog_get_for_year (2023);
    g_autoptr (YusuanCatalog) y2030 = yusuan_catalog_get_for_year (2030);
    g_autoptr (YusuanCatalog) y2022 = yusuan_catalog_get_for_year (2022);

    g_assert_true (y2023 != y2030);
    g_assert_cmpint (yusuan_catalog_get_first_year (y2023), ==, 2023);
    g_assert_cmpint (yusuan_catalog_get_first_year (y2030), ==, 2024);
    g_assert_true (y2022 == shipped);
  }
  g_clear_object (&file);

  /* A corrected 2023 list replaces the earlier import of the same years. */
  {
    const char *body = SMALL_BODY;
    g_autofree char *corrected = g_strconcat ("yusuan-catalog\t1\t2023\t2023\n",
                                              "source\tbureau list 2023-B\n",
                                              strchr (body, '\n') + 1, NULL);

    write_file (only_2023, corrected);
  }
  file = g_file_new_for_path (only_2023);
  g_assert_true (yusuan_catalog_import (file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_imports (), ==, 2);
  {
    g_autoptr (YusuanCatalog) y2023 = yusuan_catalog_get_for_year (2023);

    g_assert_cmpstr (yusuan_catalog_get_source (y2023), ==, "bureau list 2023-B");
  }
}

typedef struct
{
  int            year;
  YusuanCatalog *seen;
} ThreadData;

static gpointer
get_in_thread (gpointer data)
{
  ThreadData *td = data;

  for (int i = 0; i < 200; i++)
    {
      YusuanCatalog *c = yusuan_catalog_get_for_year (td->year);

      g_assert_nonnull (yusuan_catalog_get_name (c, YUSUAN_CLASSIFICATION_FUNCTION, "201"));
      td->seen = c;
      yusuan_catalog_unref (c);
    }
  return NULL;
}

/* Many threads asking for the same year get the same catalogue. */
static void
test_threads (void)
{
  ThreadData data[8];
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i] = (ThreadData) { 2019 + (int) (i % 2), NULL };
      threads[i] = g_thread_new ("catalog", get_in_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  for (guint i = 2; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (data[i].seen == data[i % 2].seen);
}

int
main (int argc, char **argv)
{
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  int result;

  /* Imports go to a data directory of this test only, so that the other
   * tests running beside it never see them.  GLib reads XDG_DATA_HOME once. */
  data_home = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (), "test-catalog-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (data_home));
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  yusuan_core_init ();

  g_test_add_func ("/core/catalog/builtin-years", test_builtin_years);
  g_test_add_func ("/core/catalog/seed-codes", test_seed_codes);
  g_test_add_func ("/core/catalog/classes-in-order", test_classes_in_order);
  g_test_add_func ("/core/catalog/order-and-children", test_order_and_children);
  g_test_add_func ("/core/catalog/required-classes", test_required_classes);
  g_test_add_func ("/core/catalog/department-classes", test_department_classes);
  g_test_add_func ("/core/catalog/economic-classifications", test_economic_classifications);
  g_test_add_func ("/core/catalog/correspondence", test_correspondence);
  g_test_add_func ("/core/catalog/seed-fixture-pairs", test_seed_fixture_pairs);
  g_test_add_func ("/core/catalog/search", test_search);
  g_test_add_func ("/core/catalog/malformed", test_malformed);
  g_test_add_func ("/core/catalog/spreadsheet-export", test_spreadsheet_export);
  g_test_add_func ("/core/catalog/readme-example", test_readme_example);
  g_test_add_func ("/core/catalog/threads", test_threads);
  g_test_add_func ("/core/catalog/import", test_import);

  result = g_test_run ();

  yusuan_test_remove_tree (data_home);
  g_free (data_home);
  return result;
}
