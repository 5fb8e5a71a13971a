#!/usr/bin/env python3
"""The HR console in a real browser (headless Chromium through chromedriver and Selenium):
log in, find 10028, see [必須] first, open the mail preview, edit the rules with an error
(the line is shown), fix it, check, simulate (the summary is shown), apply, see the daemon
reload the rules and the audit entry, log out.

Run by Tests/KenshuIntegrationTests/ConsoleBrowserTests.swift against a `kenshu console serve`
and a `kenshu serve` of a temporary city. Exit 0 when every step holds; otherwise 1 with the
failed step and the page it was on. Waits are on conditions with deadlines, never fixed sleeps.
"""
import argparse
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


class StepFailed(Exception):
    pass


def wait_for_server(base, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base + "/login", timeout=2).read()
            return
        except Exception as error:  # not up yet
            if time.monotonic() > deadline:
                raise StepFailed(f"the console did not answer at {base} within {seconds} s: {error}")
            time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--staff", default="10028")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    arguments = parser.parse_args()
    base = arguments.base.rstrip("/")

    wait_for_server(base, 30)
    options = webdriver.ChromeOptions()
    options.binary_location = arguments.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ja"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(arguments.driver), options=options)
    browser.set_page_load_timeout(60)
    wait = WebDriverWait(browser, 30)
    step = "start"

    def text():
        return browser.find_element(By.TAG_NAME, "body").text

    def expect(condition, what):
        if not condition:
            raise StepFailed(what)

    def click(css):
        browser.find_element(By.CSS_SELECTOR, css).click()

    def set_rules(value):
        area = browser.find_element(By.ID, "rules-text")
        browser.execute_script("arguments[0].value = arguments[1];", area, value)

    try:
        step = "log in"
        browser.get(base + "/week")
        wait.until(ec.url_contains("/login"))
        browser.find_element(By.NAME, "name").send_keys(arguments.user)
        browser.find_element(By.NAME, "password").send_keys(arguments.password)
        click("form button[type=submit]")
        wait.until(ec.url_contains("/week"))
        expect("今週" in browser.title, "the week page after login")

        step = f"find {arguments.staff}"
        browser.get(base + "/staff")
        field = browser.find_element(By.NAME, "q")
        field.send_keys(arguments.staff)
        field.submit()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, f"a[href='/staff/{arguments.staff}']")))
        click(f"a[href='/staff/{arguments.staff}']")
        wait.until(ec.url_contains(f"/staff/{arguments.staff}"))
        courses = browser.find_elements(By.CSS_SELECTOR, "section.course h3")
        expect(courses, "recommendations on the person page")
        expect(courses[0].text.startswith("[必須]"), f"[必須] first, got {courses[0].text!r}")

        step = "open the mail preview"
        frame = browser.find_element(By.CSS_SELECTOR, "iframe.mail")
        expect(frame.get_attribute("sandbox") is not None, "the mail frame is sandboxed")
        browser.switch_to.frame(frame)
        WebDriverWait(browser, 30).until(lambda b: "研修" in b.find_element(By.TAG_NAME, "body").text)
        browser.switch_to.default_content()

        step = "edit the rules with an error"
        browser.get(base + "/rules")
        good = browser.find_element(By.ID, "rules-text").get_attribute("value")
        expect("perPerson: 5" in good, "the current rules in the editor")
        lines = good.split("\n")
        lines.insert(2, "perPersn: 6")
        set_rules("\n".join(lines))
        click("#check")
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "section.problem")))
        problem = browser.find_element(By.CSS_SELECTOR, "section.problem").text
        expect("3 行" in problem, f"the line of the error, got {problem!r}")
        expect("perPersn" in browser.find_element(By.CSS_SELECTOR, ".problem-line").text, "the wrong line marked")

        step = "fix it and check"
        fixed = good.replace("  perPerson: 5\n", "  perPerson: 6\n")
        set_rules(fixed)
        click("#check")
        wait.until(ec.presence_of_element_located((By.ID, "checked")))

        step = "simulate"
        click("#simulate")
        wait.until(ec.presence_of_element_located((By.ID, "simulation")))
        summary = browser.find_element(By.ID, "simulation").text
        expect("おすすめが変わる職員" in summary, f"the summary, got {summary!r}")

        step = "apply"
        click("#apply")
        wait.until(ec.url_contains("/rules?applied=1"))
        expect("規則を適用しました" in text(), "the applied note")
        expect("perPerson: 6" in browser.find_element(By.ID, "rules-text").get_attribute("value"), "the new rules shown")

        step = "see the daemon reload the rules"
        deadline = time.monotonic() + 30
        while "この規則で動いています" not in browser.find_element(By.ID, "daemon").text:
            if time.monotonic() > deadline:
                raise StepFailed("kenshu serve did not report the new rules within 30 s: "
                                 + browser.find_element(By.ID, "daemon").text)
            time.sleep(0.5)
            browser.get(base + "/rules")

        step = "see the audit entry"
        browser.get(base + "/audit")
        expect("規則の適用" in text(), "the audit entry of the change")
        expect("1 行追加、1 行削除" in text(), "the size of the change in the audit entry")

        step = "log out"
        click("form.logout button")
        wait.until(ec.url_contains("/login"))
        browser.get(base + "/week")
        wait.until(ec.url_contains("/login"))
        print("console_flow: every step passed")
        return 0
    except (StepFailed, TimeoutException, WebDriverException) as error:
        print(f"console_flow: step '{step}' failed: {error}", file=sys.stderr)
        print(f"at {browser.current_url}:\n{browser.page_source[:4000]}", file=sys.stderr)
        return 1
    finally:
        browser.quit()


if __name__ == "__main__":
    sys.exit(main())
