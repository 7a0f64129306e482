/* yusuan-assets-form.h - the state-owned assets (国有资产占用) at the end of the prior year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "yusuan-editor-page.h"

G_BEGIN_DECLS

typedef enum
{
  YUSUAN_ASSET_VEHICLES,           /* 车辆 */
  YUSUAN_ASSET_GENERAL_EQUIPMENT,  /* 单价50万元以上通用设备 */
  YUSUAN_ASSET_SPECIAL_EQUIPMENT,  /* 单位价值100万元以上专用设备 */
  YUSUAN_N_ASSETS
} YusuanAsset;

#define YUSUAN_TYPE_ASSETS_FORM (yusuan_assets_form_get_type ())
G_DECLARE_FINAL_TYPE (YusuanAssetsForm, yusuan_assets_form, YUSUAN, ASSETS_FORM, GtkWidget)

GtkWidget   *yusuan_assets_form_new        (void);
/* All three empty removes the block. */
GtkEditable *yusuan_assets_form_get_entry  (YusuanAssetsForm  *self,
                                            YusuanAsset        asset);
gboolean     yusuan_assets_form_apply      (YusuanAssetsForm  *self,
                                            GError           **error);

G_END_DECLS
