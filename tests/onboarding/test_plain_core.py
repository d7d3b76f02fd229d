"""The quiz core stays free of the chat SDK, so only bot/ and dialogs/ change with it."""
import subprocess
import sys


def test_onboarding_imports_nothing_from_botbuilder_or_bot():
    code = ("import sys, onboarding, onboarding.bank, onboarding.draw, onboarding.scoring, onboarding.roster, "
            "onboarding.reminders, onboarding.reports, onboarding.records, onboarding.admins, onboarding.policy_text; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('botbuilder', 'botframework', 'bot', 'dialogs')); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
