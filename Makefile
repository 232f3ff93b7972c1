# Two commands on a fresh machine with only Python:  make demo  /  make test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test bench lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

# Byte-compiled first, as an installed package is: where PYTHONDONTWRITEBYTECODE is set
# every start would otherwise compile the app's modules again.
demo: $(VENV)/.installed-app
	$(BIN)/python -m compileall -q models session exports
	$(BIN)/hoinghi demo --db .demo/hoinghi-demo.db

# The tests' databases go to a RAM disk when there is a roomy one: a durable commit there
# costs microseconds instead of milliseconds, and what the tests check is unchanged.
TEST_TMP := $(shell [ -d /dev/shm ] && [ "$$(df -Pk /dev/shm | awk 'NR==2 {print $$4}')" -gt 4000000 ] && echo /dev/shm/hoinghi-tests)

# The project is byte-compiled first: the tests start many processes (other desks, a
# killed app, the CLI), and where PYTHONDONTWRITEBYTECODE is set each would otherwise
# compile every module again from source.
#
# pytest keeps the test modules it rewrote (to explain a failed assert) beside them in
# __pycache__, but only where bytecode may be written: without that every test process
# rewrites all of them again at each run, about 5 s of each process's start.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto

test: $(VENV)/.installed-test
	$(BIN)/python -m compileall -q models session exports tests bench
ifneq ($(TEST_TMP),)
	mkdir -p $(TEST_TMP)
	TMPDIR=$(TEST_TMP) $(PYTEST)
else
	$(PYTEST)
endif

bench: $(VENV)/.installed-test
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/commit.py
	$(BIN)/python bench/live.py
	$(BIN)/python bench/speakers.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/minutes.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/web_display.py
	$(BIN)/python bench/due.py
	$(BIN)/python bench/report.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .demo .pytest_cache .hypothesis build *.egg-info
