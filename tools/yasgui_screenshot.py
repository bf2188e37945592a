"""Write docs/yasgui.png: a `kg serve` of the store, a ready-made query opened from the query page and run in YASGUI.

Usage: python tools/yasgui_screenshot.py [--store kg-store] [--output docs/yasgui.png]
Needs Debian's chromium and chromium-driver (as the browser test does).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
ROWS = ("return Array.from(document.querySelectorAll('.yasr table tbody tr'))"
        ".map(r => r.innerText).filter(t => t.trim() && !t.includes('No data'))")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(ROOT / "kg-store"))
    ap.add_argument("--output", default=str(ROOT / "docs" / "yasgui.png"))
    ap.add_argument("--port", type=int, default=7870)
    args = ap.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", args.store, "--port", str(args.port)],
                              stdout=subprocess.PIPE, text=True)
    try:
        while "Ctrl-C" not in (server.stdout.readline() if server.stdout else "Ctrl-C"):
            if server.poll() is not None:
                sys.exit("kg serve did not start")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", f"--user-data-dir={tempfile.mkdtemp()}",
                     "--window-size=1300,900"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(f"http://127.0.0.1:{args.port + 1}/")
            driver.find_element(By.LINK_TEXT, "meeting_counts").click()
            WebDriverWait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".yasqe_queryButton"))).click()
            WebDriverWait(driver, 30).until(lambda d: d.execute_script(ROWS) or False)
            time.sleep(0.5)
            driver.save_screenshot(args.output)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
