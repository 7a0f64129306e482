/* yusuan-catalog.h - classification catalogues (支出功能分类, 支出经济分类) by fiscal year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "yusuan-enums.h"

G_BEGIN_DECLS

#define YUSUAN_CATALOG_ERROR (yusuan_catalog_error_quark ())

typedef enum
{
  YUSUAN_CATALOG_ERROR_PARSE,     /* a malformed catalogue file: message gives line and field */
  YUSUAN_CATALOG_ERROR_NOT_FOUND, /* no catalogue for the year */
} YusuanCatalogError;

typedef enum
{
  YUSUAN_CODE_LEVEL_NONE = 0,  /* not in the catalogue */
  YUSUAN_CODE_LEVEL_CLASS,     /* 类: 201 / 301 / 501 */
  YUSUAN_CODE_LEVEL_SECTION,   /* 款: 20103 / 30101 / 50101 */
  YUSUAN_CODE_LEVEL_ITEM,      /* 项: 2010301 (function classification only) */
} YusuanCodeLevel;

typedef enum
{
  YUSUAN_CLASSIFICATION_FUNCTION,   /* 支出功能分类 2xxxxxx */
  YUSUAN_CLASSIFICATION_ECON_DEPT,  /* 部门预算支出经济分类 3xxxx */
  YUSUAN_CLASSIFICATION_ECON_GOV,   /* 政府预算支出经济分类 5xxxx */
} YusuanClassification;

/* An immutable, reference-counted set of classifications valid for a range of
 * fiscal years. */
typedef struct _YusuanCatalog YusuanCatalog;

GQuark               yusuan_catalog_error_quark          (void);
GType                yusuan_catalog_get_type             (void) G_GNUC_CONST;
#define YUSUAN_TYPE_CATALOG (yusuan_catalog_get_type ())

YusuanCatalog       *yusuan_catalog_ref                  (YusuanCatalog *self);
void                 yusuan_catalog_unref                (YusuanCatalog *self);

/* The catalogue for @fiscal_year: an imported bureau catalogue in the user's
 * data directory when one covers the year, else the shipped one.  Never NULL:
 * the shipped catalogue covers every year it knows nothing newer for. */
YusuanCatalog       *yusuan_catalog_get_for_year         (int fiscal_year);
/* The shipped catalogue only (tests use it so the user's imports never interfere). */
YusuanCatalog       *yusuan_catalog_get_builtin          (void);

/* Parses a catalogue file (format: data/catalogs/README.md). */
YusuanCatalog       *yusuan_catalog_new_from_data        (const char  *data,
                                                          gsize        length,
                                                          const char  *display_name,
                                                          GError     **error);
YusuanCatalog       *yusuan_catalog_new_from_file        (GFile       *file,
                                                          GError     **error);
/* Validates @file and copies it into the user's catalogue directory, where it
 * replaces the shipped catalogue for the years it covers. */
gboolean             yusuan_catalog_import               (GFile       *file,
                                                          GError     **error);

int                  yusuan_catalog_get_first_year       (YusuanCatalog *self);
int                  yusuan_catalog_get_last_year        (YusuanCatalog *self); /* G_MAXINT: open-ended */
const char          *yusuan_catalog_get_source           (YusuanCatalog *self); /* provenance text */

/* Names and levels; NULL / NONE for unknown codes. */
const char          *yusuan_catalog_get_name             (YusuanCatalog        *self,
                                                          YusuanClassification  classification,
                                                          const char           *code);
YusuanCodeLevel      yusuan_catalog_get_level            (YusuanCatalog        *self,
                                                          YusuanClassification  classification,
                                                          const char           *code);
/* Codes in official order: the classes (parent NULL) or the children of @parent. */
const char *const   *yusuan_catalog_get_children         (YusuanCatalog        *self,
                                                          YusuanClassification  classification,
                                                          const char           *parent);
/* Position of @code among all codes of its classification in official order
 * (classes, each followed by its sections and items), for sorting rows; -1 if unknown. */
int                  yusuan_catalog_get_order            (YusuanCatalog        *self,
                                                          YusuanClassification  classification,
                                                          const char           *code);

/* Correspondence 部门 -> 政府 经济分类. */
gboolean             yusuan_catalog_econ_pair_allowed    (YusuanCatalog  *self,
                                                          const char     *econ_dept,
                                                          const char     *econ_gov);
/* The default government code for a unit of @kind (机关 or 事业单位 target). */
const char          *yusuan_catalog_econ_default_gov     (YusuanCatalog  *self,
                                                          const char     *econ_dept,
                                                          YusuanUnitKind  kind);
/* 301 and 303 personnel, 302 and 310 (and the rest) public. */
YusuanCategory       yusuan_catalog_econ_default_category (YusuanCatalog *self,
                                                          const char    *econ_dept);

/* Search by code prefix or by name substring ("行政运行", "20103"): codes at
 * @level (NONE for any level), best matches first, at most @max. */
GPtrArray           *yusuan_catalog_search               (YusuanCatalog        *self,
                                                          YusuanClassification  classification,
                                                          const char           *query,
                                                          YusuanCodeLevel       level,
                                                          guint                 max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YusuanCatalog, yusuan_catalog_unref)

G_END_DECLS
