"""The development node's launcher (dev/opensearch/opensearch.sh): what it gives an OpenSearch
2.19 node and an OpenSearch 3 node, which need different JVM options and module descriptors.

These run the script's `options` and `descriptor` commands, which need neither Java, Maven
nor a node; the live search tests start real nodes (README, "A local node")."""

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "dev" / "opensearch" / "opensearch.sh"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def launcher(tmp_path, *arguments, version=None, **environment):
    """The script's output for `arguments`, with its home in `tmp_path` (nothing written in
    the repository's cache), for OpenSearch `version` (the default, 2.19.6, when None)."""
    env = {"PATH": "/usr/bin:/bin", "OPENSEARCH_HOME": str(tmp_path), **environment}
    if version:
        env["OPENSEARCH_VERSION"] = version
    return subprocess.run(  # noqa: S603 - the repository's script, fixed arguments
        ["bash", str(SCRIPT), *arguments],  # noqa: S607 - bash from the PATH given above
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def jvm_options(tmp_path, version=None, **environment):
    result = launcher(tmp_path, "options", version=version, **environment)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def descriptor(tmp_path, module, version=None):
    result = launcher(tmp_path, "descriptor", module, version=version)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)


def test_opensearch_2_keeps_its_security_manager_and_locale_data(tmp_path):
    options = jvm_options(tmp_path)
    assert "-Djava.security.manager=allow" in options
    assert "-Djava.locale.providers=SPI,COMPAT" in options
    assert not [option for option in options if option.startswith("-javaagent")]
    assert not [option for option in options if option.startswith("opensearch")]


def test_opensearch_3_runs_with_its_agent_and_without_a_security_manager(tmp_path):
    options = jvm_options(tmp_path, "3.8.0")
    # Java 24 and later refuse to start with a security manager allowed.
    assert not [option for option in options if "security.manager" in option]
    assert "-Djava.locale.providers=SPI,CLDR" in options
    assert f"-javaagent:{tmp_path}/agent/opensearch-agent-3.8.0.jar" in options
    assert "--add-modules=jdk.incubator.vector" in options
    assert not [option for option in options if option.startswith("opensearch")]


def test_opensearch_3_can_run_with_the_agent_of_another_release(tmp_path):
    # OpenSearch does not publish the agent for every release (none for 3.9.0).
    options = jvm_options(tmp_path, "3.9.0", OPENSEARCH_AGENT_VERSION="3.8.0")
    assert f"-javaagent:{tmp_path}/agent/opensearch-agent-3.8.0.jar" in options


def test_both_nodes_get_the_same_heap(tmp_path):
    heap = {option for option in jvm_options(tmp_path) if option.startswith(("-Xms", "-Xmx"))}
    assert heap == {"-Xms512m", "-Xmx512m"}
    assert heap <= set(jvm_options(tmp_path, "3.8.0"))


@pytest.mark.parametrize(
    ("module", "plugin_class_2", "plugin_class_3"),
    [
        (
            "analysis-common",
            "org.opensearch.analysis.common.CommonAnalysisPlugin",
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
        ),
        (
            "lang-painless",
            "org.opensearch.painless.PainlessPlugin",
            "org.opensearch.painless.PainlessModulePlugin",
        ),
        (
            "transport-netty4",
            "org.opensearch.transport.Netty4Plugin",
            "org.opensearch.transport.Netty4ModulePlugin",
        ),
    ],
)
def test_module_descriptors_follow_the_version(tmp_path, module, plugin_class_2, plugin_class_3):
    on_2 = descriptor(tmp_path, module)
    assert on_2["version"] == on_2["opensearch.version"] == "2.19.6"
    assert on_2["java.version"] == "11"
    assert on_2["classname"] == plugin_class_2
    on_3 = descriptor(tmp_path, module, "3.8.0")
    assert on_3["version"] == on_3["opensearch.version"] == "3.8.0"
    assert on_3["java.version"] == "21"
    assert on_3["classname"] == plugin_class_3
    assert on_3["name"] == on_2["name"] == module


def test_an_unsupported_version_is_refused_with_a_message(tmp_path):
    result = launcher(tmp_path, "options", version="1.3.20")
    assert result.returncode == 2
    assert "OPENSEARCH_VERSION must be a 2.x or 3.x version, not 1.3.20" in result.stderr
