from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "site.yml"


def check(path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema's vendored GitHub-workflow schema: no network needed."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_workflow_is_a_valid_github_workflow() -> None:
    result = check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_is_rejected(tmp_path: Path) -> None:
    broken = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    broken["jobs"]["build"]["steps"][0] = {"uses": 42, "bogus": True}
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert check(path).returncode != 0


def test_it_tests_builds_strictly_and_deploys_main_with_the_pages_artifact_flow() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and "seeds/**" in triggers["push"]["paths"]
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    uses = [s.get("uses", "").split("@")[0] for s in steps + workflow["jobs"]["deploy"]["steps"]]
    assert "make test" in runs and "make site" in runs
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert "actions/cache" in uses and any(s.get("with", {}).get("cache") == "pip" for s in steps)
    assert workflow["concurrency"]["group"]
    assert "refs/heads/main" in workflow["jobs"]["deploy"]["if"]
