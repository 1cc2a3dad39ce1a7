"""environment.yml (conda users) must list what pyproject.toml lists, same ranges."""

from __future__ import annotations

import re
import tomllib

import yaml

from kmp_analysis.paths import PROJ_ROOT


def _split(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text("utf-8"))[
        "project"
    ]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return dict(_split(r) for r in requirements)


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text("utf-8"))
    deps = [d for d in env["dependencies"] if isinstance(d, str)]
    # packages conda-forge lacks come through the pip section
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    deps += [d for d in pip_section if not d.startswith(("-", "."))]
    pairs = dict(_split(d) for d in deps)
    pairs.pop("pip", None)
    pairs.pop("python", None)
    return pairs


def test_environment_lists_the_same_packages_and_ranges():
    assert conda_requirements() == pyproject_requirements()


def test_environment_pins_python_311_and_installs_the_package():
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text("utf-8"))
    assert "python=3.11" in env["dependencies"]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_lock_pins_every_declared_package():
    lock = {}
    for line in (PROJ_ROOT / "requirements.lock").read_text("utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            lock[name.lower().replace("_", "-")] = version
    missing = set(pyproject_requirements()) - set(lock)
    assert missing == set()
