"""The per-file step mapped over a local Dask cluster (the `dask` extra, which
the test extra installs) gives the same tables as `kyoyaku run`."""
from distributed import Client, LocalCluster

from pipeline.distributed import run_on_dask
from pipeline.tables import TABLE_NAMES
from tests.batch import archive_of, run_cli, seed_archive
from tests.conftest import seed


def test_a_dask_cluster_writes_the_tables_kyoyaku_run_writes(tmp_path):
    archive = archive_of(seed_archive(tmp_path / "archive"), {"copy.txt": seed("001"), "empty.txt": ""})
    assert run_cli(archive, "--out", tmp_path / "local") == 1
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        results = run_on_dask([archive], tmp_path / "dask", client)
    assert len(results) == 7
    assert sorted(r.outcome.status for r in results) == ["failed"] + ["ok"] * 6
    for name in TABLE_NAMES:
        local = (tmp_path / "local" / f"{name}.csv").read_bytes()
        assert (tmp_path / "dask" / f"{name}.csv").read_bytes() == local, name
