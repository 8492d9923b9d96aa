"""The deploy workflow and Dependabot's config: GitHub's schemas, and the rules that keep the deploy working.

Each rule is a function returning what is wrong; every rule is also run on a broken copy, so
a rule that could never fail is caught here too.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"

# The oldest major of each action the workflow may use; older majors run on a deprecated Node.
MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
# What GitHub Pages needs, job by job, and nothing more.
PERMISSIONS: dict[str, dict[str, str]] = {
    "build": {
        "contents": "read",
        "pages": "read",
    },  # checkout; configure-pages reads the Pages site
    "deploy": {
        "pages": "write",
        "id-token": "write",
    },  # deploy-pages publishes, proven by OIDC
}
SITE_URL_VARIABLE = "DIGEST_SITE_URL"

Workflow = dict[Any, Any]


def load(path: Path) -> Workflow:
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def check(
    path: Path, schema: str = "vendor.github-workflows"
) -> subprocess.CompletedProcess[str]:
    """check-jsonschema's vendored copies of GitHub's schemas: no network needed."""
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        schema,
        str(path),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def all_steps(workflow: Workflow) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def outdated_actions(workflow: Workflow) -> list[str]:
    wrong = []
    for step in all_steps(workflow):
        if "uses" not in step:
            continue
        name, _, ref = str(step["uses"]).partition("@")
        major = re.fullmatch(r"v(\d+)(?:\.\d+)*", ref)
        if name not in MAJORS:
            wrong.append(
                f"{step['uses']}: not an action this rule knows; add its current major to MAJORS"
            )
        elif major is None or int(major.group(1)) < MAJORS[name]:
            wrong.append(f"{step['uses']}: older than v{MAJORS[name]}")
    return wrong


def wrong_permissions(workflow: Workflow) -> list[str]:
    wrong = []
    if workflow.get("permissions") not in ({}, {"contents": "read"}):
        wrong.append(
            f"workflow-level permissions {workflow.get('permissions')!r} grant more than nothing"
        )
    for name, job in workflow["jobs"].items():
        if job.get("permissions") != PERMISSIONS.get(name):
            wrong.append(
                f"job {name}: permissions {job.get('permissions')!r}, expected {PERMISSIONS.get(name)!r}"
            )
    return wrong


def unpinned_runners(workflow: Workflow) -> list[str]:
    return [
        f"job {name}: runs-on {job.get('runs-on')!r} is not a pinned image"
        for name, job in workflow["jobs"].items()
        if not re.fullmatch(r"ubuntu-\d\d\.\d\d", str(job.get("runs-on")))
    ]


def site_url_problems(workflow: Workflow) -> list[str]:
    """`make site` must get the Pages site's address from a configure-pages step that ran before it."""
    steps = workflow["jobs"]["build"]["steps"]
    builds = [i for i, s in enumerate(steps) if s.get("run", "").strip() == "make site"]
    if len(builds) != 1:
        return [f"the build job runs `make site` {len(builds)} times, expected once"]
    build = steps[builds[0]]
    source = re.fullmatch(
        r"\$\{\{\s*steps\.([\w-]+)\.outputs\.base_url\s*\}\}",
        str(build.get("env", {}).get(SITE_URL_VARIABLE)),
    )
    if source is None:
        return [
            f"`make site` does not set {SITE_URL_VARIABLE} from a step's outputs.base_url"
        ]
    earlier = {s.get("id"): s for s in steps[: builds[0]]}
    pages = earlier.get(source.group(1))
    if pages is None or not str(pages.get("uses", "")).startswith(
        "actions/configure-pages@"
    ):
        return [
            f"{SITE_URL_VARIABLE} comes from step {source.group(1)!r}, not an earlier configure-pages step"
        ]
    if pages.get("if") != build.get("if"):
        return [
            "configure-pages may be skipped when `make site` runs: their conditions differ"
        ]
    return []


def browser_problems(workflow: Workflow) -> list[str]:
    """The tests drive the browser DIGEST_BROWSER names; the job must say which, and check it is there."""
    job = workflow["jobs"]["build"]
    browser = job.get("env", {}).get("DIGEST_BROWSER")
    if not browser or not str(browser).startswith("/"):
        return [
            "the build job does not name the tests' browser by an absolute DIGEST_BROWSER path"
        ]
    runs = [str(s.get("run", "")) for s in job["steps"]]
    probe = next(
        (i for i, r in enumerate(runs) if 'test -x "$DIGEST_BROWSER"' in r), None
    )
    tests = next((i for i, r in enumerate(runs) if r.strip() == "make test"), None)
    if probe is None or tests is None or probe > tests:
        return ["no step checks that DIGEST_BROWSER exists before `make test`"]
    return []


def dependabot_problems(config: Workflow) -> list[str]:
    covered = {
        (u.get("package-ecosystem"), u.get("directory"))
        for u in config.get("updates", [])
    }
    return [
        f"Dependabot does not keep {ecosystem} in / current"
        for ecosystem in ("github-actions", "pip")
        if (ecosystem, "/") not in covered
    ]


RULES: list[Callable[[Workflow], list[str]]] = [
    outdated_actions,
    wrong_permissions,
    unpinned_runners,
    site_url_problems,
    browser_problems,
]


def test_the_workflow_is_a_valid_github_workflow() -> None:
    result = check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_is_rejected(tmp_path: Path) -> None:
    broken = load(WORKFLOW)
    broken["jobs"]["build"]["steps"][0] = {"uses": 42, "bogus": True}
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert check(path).returncode != 0


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_workflow_keeps_the_rule(rule: Callable[[Workflow], list[str]]) -> None:
    assert rule(load(WORKFLOW)) == []


def set_uses(workflow: Workflow, action: str, ref: str) -> None:
    for step in all_steps(workflow):
        if str(step.get("uses", "")).startswith(f"{action}@"):
            step["uses"] = f"{action}@{ref}"


def pages_step(workflow: Workflow) -> dict[str, Any]:
    return next(
        s
        for s in all_steps(workflow)
        if str(s.get("uses", "")).startswith("actions/configure-pages@")
    )


def build_step(workflow: Workflow) -> dict[str, Any]:
    return next(
        s for s in all_steps(workflow) if s.get("run", "").strip() == "make site"
    )


def move_last(workflow: Workflow, step: dict[str, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    steps.remove(step)
    steps.append(step)


BREAKAGES: dict[
    str, tuple[Callable[[Workflow], list[str]], Callable[[Workflow], None]]
] = {
    "checkout v4": (outdated_actions, lambda w: set_uses(w, "actions/checkout", "v4")),
    "deploy-pages v4": (
        outdated_actions,
        lambda w: set_uses(w, "actions/deploy-pages", "v4"),
    ),
    "a branch ref": (outdated_actions, lambda w: set_uses(w, "actions/cache", "main")),
    "an unknown action": (
        outdated_actions,
        lambda w: w["jobs"]["build"]["steps"].append({"uses": "evil/x@v99"}),
    ),
    "write-all": (wrong_permissions, lambda w: w.update(permissions="write-all")),
    "build without pages": (
        wrong_permissions,
        lambda w: w["jobs"]["build"]["permissions"].pop("pages"),
    ),
    "build may write": (
        wrong_permissions,
        lambda w: w["jobs"]["build"]["permissions"].update(contents="write"),
    ),
    "deploy without id-token": (
        wrong_permissions,
        lambda w: w["jobs"]["deploy"]["permissions"].pop("id-token"),
    ),
    "ubuntu-latest": (
        unpinned_runners,
        lambda w: w["jobs"]["deploy"].update({"runs-on": "ubuntu-latest"}),
    ),
    "site_url unset": (site_url_problems, lambda w: build_step(w).pop("env")),
    "site_url typed in": (
        site_url_problems,
        lambda w: build_step(w)["env"].update({SITE_URL_VARIABLE: "https://x.org/"}),
    ),
    "configure-pages after the build": (
        site_url_problems,
        lambda w: move_last(w, pages_step(w)),
    ),
    "configure-pages skipped on PRs": (
        site_url_problems,
        lambda w: pages_step(w).update({"if": "false"}),
    ),
    "no browser named": (browser_problems, lambda w: w["jobs"]["build"].pop("env")),
    "browser never checked": (
        browser_problems,
        lambda w: [s.pop("run") for s in all_steps(w) if "test -x" in s.get("run", "")],
    ),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_rule_fails_on_a_broken_copy(breakage: str) -> None:
    rule, breaking = BREAKAGES[breakage]
    broken = load(WORKFLOW)
    breaking(broken)
    assert rule(broken), f"{rule.__name__} accepts a workflow with {breakage}"


def test_dependabot_keeps_the_actions_and_the_pip_pins_current() -> None:
    result = check(DEPENDABOT, "vendor.dependabot")
    assert result.returncode == 0, result.stdout + result.stderr
    config = load(DEPENDABOT)
    assert dependabot_problems(config) == []
    for ecosystem in ("github-actions", "pip"):
        broken = copy.deepcopy(config)
        broken["updates"] = [
            u for u in broken["updates"] if u["package-ecosystem"] != ecosystem
        ]
        assert dependabot_problems(broken), f"a config without {ecosystem} passes"


def test_it_tests_builds_strictly_and_deploys_main_with_the_pages_artifact_flow() -> (
    None
):
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and "seeds/**" in triggers["push"]["paths"]
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    uses = [
        s.get("uses", "").split("@")[0]
        for s in steps + workflow["jobs"]["deploy"]["steps"]
    ]
    assert "make test" in runs and "make site" in runs
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(uses)
    assert "actions/cache" in uses and any(
        s.get("with", {}).get("cache") == "pip" for s in steps
    )
    assert workflow["concurrency"]["group"]
    assert "refs/heads/main" in workflow["jobs"]["deploy"]["if"]
