"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Partnership officers keep pipelines: they save shortlists from the finder (which they use
already), move partners through the stages and write notes. Communications leads, who also
use the finder and write about the partnerships, read them.
"""

from cms.core.roles import LEADS, OFFICERS

ROLE_PERMISSIONS = {
    OFFICERS: [
        "pipeline.add_pipelineentry",
        "pipeline.change_pipelineentry",
        "pipeline.view_pipelineentry",
    ],
    LEADS: ["pipeline.view_pipelineentry"],
}
