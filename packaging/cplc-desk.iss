; Inno Setup script for CPLC Desk on Windows (https://jrsoftware.org/isinfo.php).
;
; Build on a Windows PC (docs/installer.md):
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -c constraints.txt -e ".[installer]"
;   2. .venv\Scripts\pyinstaller --noconfirm build_installer.spec   -> dist\cplc-desk\
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\cplc-desk.iss
;        -> dist\installer\cplc-desk-setup-<version>.exe
;
; Installs the one-folder app per user (no administrator needed on a shared desk PC) under
; %LOCALAPPDATA%\Programs\CPLC Desk. The desk's data (the store, backups, keys, logs) lives in
; the user's data folder, never under the program's folder, so an upgrade or an uninstall
; leaves every record where it was.

#define AppName "CPLC Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{CC609BFD-2C7C-525F-82D8-07D52F099776}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Citizens-Police Liaison Committee, Karachi
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist\installer
OutputBaseFilename=cplc-desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayName={#AppName}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole PyInstaller one-folder build: the executable, Python, Qt, the fonts (Urdu's Noto
; Naskh Arabic included), the translations, the reference data and the migrations.
Source: "..\dist\cplc-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\cplc-desk.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\cplc-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put CPLC Desk on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\cplc-desk.exe"; Description: "Open CPLC Desk"; Flags: nowait postinstall skipifsilent
