"""Scale-out: the same analysis over many articles on a Dask cluster, written as Parquet.

    presswatch batch INPUT... --out DIR [--scheduler ADDRESS] [--workers N]

partitions.py plans and reads partitions (no Dask), tables.py writes the Parquet tables, job.py
runs the job on dask.distributed, load.py reads an output folder back for `presswatch ingest`.
Importing this package imports neither Dask nor pyarrow.
"""
__all__ = ["run_job", "connect", "is_batch_output", "read_output"]


def __getattr__(name):
    if name in ("run_job", "connect"):
        from . import job
        return getattr(job, name)
    if name in ("is_batch_output", "read_output"):
        from . import load
        return getattr(load, name)
    raise AttributeError(name)
