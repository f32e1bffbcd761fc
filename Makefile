# The two commands of the README: `make demo` and `make test`. Everything else is a helper of theirs.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint format migrate bench messages clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PY) not found)"; exit 1; }
	$(PY) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py demo_seed
	$(BIN)/python manage.py runserver 127.0.0.1:8000 --noreload

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/intake.py

messages: install
	$(BIN)/python manage.py makemessages -l en --ignore '.venv/*' --ignore 'var/*'
	$(BIN)/python manage.py compilemessages -l en --ignore '.venv/*'

clean:
	rm -rf $(VENV) var/
