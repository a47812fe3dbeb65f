# Order Handling Suite: the commands of README.md. The work is done by tools/*.sh.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup demo test stop status lint format bench screenshots cluster cluster-stop

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

setup: ## install what is missing (Odoo, Python and Debian packages), start PostgreSQL
	@bash tools/setup.sh test

demo: ## database order_handling_demo with demo data, Odoo on http://127.0.0.1:8069
	@bash tools/odoo.sh demo

test: ## fresh database order_handling_test, pytest-odoo over every addon, then the upgrade check
	@bash tools/odoo.sh test

stop: ## stop the demo server and the local PostgreSQL cluster
	@bash tools/odoo.sh stop

status: ## what runs
	@bash tools/odoo.sh status

lint: ## ruff check, ruff format --check, pylint-odoo mandatory checks
	@bash tools/lint.sh

format: ## ruff format and ruff check --fix
	@bash tools/lint.sh --fix

bench: ## database order_handling_bench with generated data, measures, bench/results.json (SCALE=small|full|N)
	@bash tools/bench.sh $(or $(SCALE),full)

screenshots: ## PNGs of the main screens of the running demo into docs/screenshots (URL=, DB=, LOGIN=, PASSWORD=)
	@python3 tools/screenshots.py --url $(or $(URL),http://127.0.0.1:$(or $(OH_HTTP_PORT),8069)) --db $(or $(DB),order_handling_demo) --login $(or $(LOGIN),admin) --password $(or $(PASSWORD),admin)

cluster: ## PostgreSQL primary + streaming replica, 2 Odoo nodes (workers), nginx on http://127.0.0.1:8470 (DB=order_handling_demo)
	@OH_CLUSTER_DB=$(or $(DB),order_handling_demo) bash tools/cluster.sh start

cluster-stop: ## stop what make cluster started (nginx, the Odoo nodes, the replica, the primary)
	@bash tools/cluster.sh stop
