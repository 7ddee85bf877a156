# Two commands on a fresh machine:  `make run` (the desk) and `make test` (the whole suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run demo test translations bench crash lock installer smoke screenshots screenshots-ur clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,postgres]"
	touch $(STAMP)

## Open the desk on the embedded SQLite store in the default data dir.
run: $(STAMP)
	$(BIN)/cplc-desk

## Open a throwaway station filled with sample records.
demo: $(STAMP)
	$(BIN)/cplc-desk --demo

## Lint, type-check, layer check, shape check (tools/shape.py: no import cycle, no module over
## 450 lines, no function over 80), migration drift check, the translation catalogues (complete
## and in step with the code) and the whole pytest suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python tools/shape.py
	$(BIN)/python -m cplc_desk.storage.migrate_check
	$(BIN)/python tools/catalogues.py check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## Screenshots for the README, in a real X11 window under Xvfb. Needs Debian's
## xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1.
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/main-window.png --demo
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/first-run.png --setup
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/replace-snapshot.png --replace-snapshot
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/replace-backup.png --replace-backup
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/sync-station.png --sync-station
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/hq-stations.png --hq-stations
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/login.png --login
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tools.screenshots.screenshot docs/screenshots/audit-viewer.png --audit

## New or changed strings into the catalogues (translations kept), then compile them
## (docs/urdu.md: translate what is new in between, and run it again).
translations: $(STAMP)
	$(BIN)/python tools/catalogues.py update
	$(BIN)/python tools/catalogues.py compile

## Every page, dialog and receipt in Urdu (docs/urdu.md), under Xvfb like `screenshots`.
screenshots-ur: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m tools.screenshots.tour docs/screenshots/ur --lang ur

## Benchmarks (figures beside a same-run baseline; see bench/).
bench: $(STAMP)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.sync --records 1000000 --memory
	$(BIN)/python -m bench.citywide
	$(BIN)/python -m bench.hq_sweep --previous
	$(BIN)/python -m bench.window_language
	$(BIN)/python -m bench.phones

## Crash harness: 200 SIGKILLs of a desk at work, everything checked after each (bench/crash.py).
crash: $(STAMP)
	$(BIN)/python -m bench.crash --kills 200

lock:
	$(BIN)/python -m pip freeze --exclude-editable > constraints.txt

installer: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[installer]"
	$(BIN)/pyinstaller --noconfirm --log-level WARN build_installer.spec

## Build the frozen app, then run it headless through a station's first day
## (tools/frozen_smoke.py: --version, set-up, CSV import, a receipt with its fonts, check).
smoke: installer
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/frozen_smoke.py dist/cplc-desk/cplc-desk

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
