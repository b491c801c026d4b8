# The README's two commands. Each makes .venv and installs the locked dependencies first;
# uv is used from PATH, or bootstrapped with pip into .tools/ when it is missing.
PYTHON ?= python3
VENV := .venv
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export UV_PYTHON := $(shell command -v $(PYTHON))

.PHONY: run test install bench clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"

# Our own modules are compiled too (the project is installed editable, so uv leaves them): a
# process that sets PYTHONDONTWRITEBYTECODE would otherwise compile them at every start, and
# an import's worker processes start often.
install: $(UV)
	$(UV) sync --locked --quiet --compile-bytecode
	$(VENV)/bin/python -m compileall -q core storage service tui dutydesk bench > /dev/null

run: install
	$(VENV)/bin/dutydesk demo $(ARGS)

test: install
	$(VENV)/bin/lint-imports
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: install
	$(VENV)/bin/python -m bench $(ARGS)

clean:
	rm -rf $(VENV) .tools
