"""The Kubernetes deployment loads the same definitions, with the k8s executor and launcher."""

from __future__ import annotations

import importlib

import pytest
import yaml

from pipelines.settings import REPO_ROOT

DEPLOY = REPO_ROOT / "deploy"


def test_definitions_load_with_the_k8s_executor():
    from deploy.definitions import defs
    from pipelines.definitions import defs as local

    jobs = {job.name for job in local.resolve_all_job_defs()}
    assert {"ingest_job", "inbox_job", "reextract_job", "recheck_job"} <= jobs
    for name in jobs:
        assert defs.resolve_job_def(name).executor_def.name == "k8s"
    assert {k for k in defs.resolve_asset_graph().get_all_asset_keys()} == {
        k for k in local.resolve_asset_graph().get_all_asset_keys()}


@pytest.mark.parametrize("section", ["run_launcher", "run_coordinator"])
def test_instance_settings_match_their_classes(section, tmp_path, monkeypatch):
    from dagster._config import process_config
    from dagster._core.instance.config import dagster_instance_config

    monkeypatch.setenv("DAGSTER_PG_PASSWORD", "unused")
    (tmp_path / "dagster.yaml").write_text((DEPLOY / "dagster.yaml").read_text())
    config, _ = dagster_instance_config(str(tmp_path))
    entry = config[section]
    module = entry["module"].replace("dagster.core.", "dagster._core.")  # its documented alias
    klass = getattr(importlib.import_module(module), entry["class"])  # imports dagster_k8s
    result = process_config(klass.config_type(), entry.get("config") or {})
    assert result.success, result.errors


def test_helm_values_serve_the_k8s_code_location():
    values = yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text())
    (deployment,) = values["dagster-user-deployments"]["deployments"]
    assert deployment["dagsterApiGrpcArgs"] == ["--module-name", "deploy.definitions"]
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    instance = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
    assert instance["concurrency"]["pools"]["default_limit"] == 1
