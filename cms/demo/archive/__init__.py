"""The demo archive of agreements, planned in memory before anything is written.

The plan is deterministic (a fixed seed in `data/figures.json`), so that every run gives the
same references and the loader can skip the agreements that already exist. The agreements of
2014-2017 reproduce the figures of the source document exactly: new agreements per year
(three undated), per region set, per primary area, the addenda, and the total value. Named
agreements (`data/key_agreements.json`) come first; the rest is drawn to fill the figures.
"""

from .planned import PlannedAgreement
from .planner import ArchivePlanner

__all__ = ["ArchivePlanner", "PlannedAgreement", "plan_archive"]


def plan_archive():
    """The whole demo archive, oldest first; references are stable from run to run."""
    planner = ArchivePlanner()
    planner.older()
    planner.period()
    planner.after_period()
    planner.agreements.sort(key=lambda a: a.date)
    for planned in planner.agreements:
        planner.finish(planned)
    planner.assign_references()
    return planner.agreements
