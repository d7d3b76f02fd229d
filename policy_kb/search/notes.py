"""What the decisions about the other person say beside their headline (policy_kb/search/stance.py)."""

ENGAGING = ("Liking, commenting on or reacting to a pupil's posts from a personal account is engaging in "
            "communications with a child from the trust's communities, which the rule below rules out.")
PARENT = ("Being friends, neighbours or family outside school makes no difference: the rule applies to every "
          "parent/carer from the trust’s communities while you work for the trust — on leave or working your notice included.")
OUTSIDE_TRUST = ("The rule covers students and parents/carers of the trust’s own schools and academies. If they are also "
                 "connected to a trust school (a child or a parent there too), it applies.")
# "a former pupil, now 20, messaged me to say thanks: do I have to report it?"
ADULT_MESSAGE = "Yes, you can leave it — nothing to report: the rule is about messages from children, and they are an adult"
ADULT_MESSAGE_WHY = ("The reporting rule below covers communications from children. An ex-student who is 18 or over is an adult; "
                     "the rule on connecting with ex-students (also below) stops at those under 18. If the message worries "
                     "you, or they are also a parent/carer at the trust, speak to the designated person anyway.")
DONT_REPLY = ("Don’t reply from your personal account: a message from a child to a personal account is reported to the "
              "designated person for Child Protection (DSL), who decides what happens next. Speak to the pupil in school if needed.")
