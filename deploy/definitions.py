"""The same code location as `pipelines.definitions`, with every job run by the k8s executor.

Why a module of its own: locally, runs execute in-process or with the multiprocess executor;
on Kubernetes the run launcher starts one pod per run and the k8s executor one pod per step, so
partitioned article steps of a backfill spread over the cluster. Nothing else changes: the
assets, checks, jobs, schedules and sensors are the ones `pipelines.definitions` assembles.
"""

import dagster as dg
from dagster_k8s import k8s_job_executor

from pipelines.definitions import defs as local

# Step pods: extraction is CPU-bound (2 processes per pod), warehouse steps are one writer.
STEP_K8S_CONFIG = {
    "container_config": {
        "resources": {
            "requests": {"cpu": "2", "memory": "2Gi"},
            "limits": {"cpu": "2", "memory": "3Gi"},
        },
    },
}

executor = k8s_job_executor.configured({
    "max_concurrent": 8,
    "step_k8s_config": STEP_K8S_CONFIG,
    "env_config_maps": ["tally-env"],
    "env_secrets": ["tally-lake-credentials"],
})

defs = dg.Definitions.merge(local, dg.Definitions(executor=executor))
