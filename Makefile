# The two commands of README.md; everything else is what they call.
.PHONY: run test lint setup bench access-report dist
run:
	@bash scripts/run.sh
test:
	@bash scripts/test.sh
lint:
	@bash scripts/lint.sh
setup:
	@bash scripts/setup.sh
bench:
	@bash scripts/bench.sh
access-report:
	@bash scripts/access_report.sh
dist:
	@bash scripts/dist.sh
