; electron-builder NSIS include (build/electron-builder.yml nsis.include), UTF-8 with BOM (unicode installer).
; The second Start-menu entry: the same program started as 评审专家模式 (--role=expert), which opens the expert's
; own data folder. electron-builder creates the first entry (产业知识产权中心认定工作台) itself.

!define EXPERT_SHORTCUT "$SMPROGRAMS\产业知识产权中心认定工作台 · 评审专家模式.lnk"

!macro customInstall
  CreateShortCut "${EXPERT_SHORTCUT}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--role=expert" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0 "" "" "评审专家本人的电脑：导入评审包，离线打分，导出评分结果"
  ; Group the entry with the app on the taskbar (same App User Model ID as the main shortcut).
  WinShell::SetLnkAUMI "${EXPERT_SHORTCUT}" "${APP_ID}"
!macroend

!macro customUnInstall
  WinShell::UninstShortcut "${EXPERT_SHORTCUT}"
  Delete "${EXPERT_SHORTCUT}"
!macroend
