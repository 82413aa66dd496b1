// The two Python programs an install runs with `python -c` (standard library only, so they run before and
// after pip): a preflight that says which Python and platform pip will match wheels for and whether each
// index answers, and a self-test of the finished venv. Their failure lines are worded for the diagnosis
// rules (lib/diagnosis/rules/install.ts) and keep the socket/SSL error text pip would have printed.

/** Prints `Python X on <platform>` and reaches each URL given; exit 1 when one cannot be reached. */
export const PREFLIGHT_SCRIPT = `# vlm-console install preflight
import platform, sys, urllib.error, urllib.request
libc = " ".join(platform.libc_ver()).strip() or "unknown libc"
print(f"Python {platform.python_version()} on {sys.platform} {platform.machine()} ({libc})", flush=True)
failed = False
for url in sys.argv[1:]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=15) as res:
            print(f"Reached {url} (HTTP {res.status})", flush=True)
    except urllib.error.HTTPError as error:
        print(f"Reached {url} (HTTP {error.code})", flush=True)
    except Exception as error:
        reason = getattr(error, "reason", error)
        print(f"Cannot reach {url}: {reason}", flush=True)
        failed = True
sys.exit(1 if failed else 0)
`;

/**
 * Imports vLLM and its compiled kernels, then checks torch's CUDA build against the driver's CUDA version
 * (argv[1], from nvidia-smi; empty when unknown) and that CUDA starts. Exit 1 on the first failure.
 */
export const SELF_TEST_SCRIPT = `# vlm-console install self-test
import sys
driver = sys.argv[1] if len(sys.argv) > 1 else ""
def fail(message):
    print(f"self-test failed: {message}", flush=True)
    sys.exit(1)
import vllm
print(f"self-test: vllm {vllm.__version__} imports", flush=True)
import vllm._C  # the compiled kernels: a torch built for another CUDA fails here with "undefined symbol"
print("self-test: vllm._C loads", flush=True)
import torch
print(f"self-test: torch {torch.__version__}, built for CUDA {torch.version.cuda}", flush=True)
if torch.version.cuda is None:
    fail("torch has no CUDA build (torch.version.cuda is None)")
if driver and int(torch.version.cuda.split(".")[0]) > int(driver.split(".")[0]):
    fail(f"torch was built for CUDA {torch.version.cuda}, but the driver supports CUDA {driver}")
if not torch.cuda.is_available():
    fail("torch.cuda.is_available() is False")
print(f"self-test: CUDA works on {torch.cuda.get_device_name(0)}", flush=True)
`;
