"""The project's own gold set: articles written for presswatch, annotated by hand.

Each quote is (content as written, speaker); offsets are found in the text, so the annotation stays
readable. Every construction the extractor claims to handle appears at least once. Written by the
project; nothing here comes from the shared evaluation data.
"""

ARTICLES = [
    {
        "doc_id": "gold-bridge",
        "text": (
            "Council backs new bridge after long debate\n"
            "RIVERTON — Mayor Elena Torres on Tuesday called for a regional fund to pay for the new bridge.\n"
            "“We have waited twenty years for this crossing,” Torres told reporters at city hall. "
            "“Every winter the ferry stops and the east side is cut off from the hospital.”\n"
            "Councillor Frank Dunmore said that the cost estimate was far too optimistic and warned that "
            "taxes would rise.\n"
            "He praised the engineers and criticized the province for its silence.\n"
            "According to the city's transport department, about 14,000 vehicles would use the bridge "
            "every day.\n"
            "The mayor described the vote as \"a turning point for Riverton\" in her remarks after the meeting.\n"
            "“The first phase starts in the spring. We will build the approach roads first.\n"
            "“Then the main span goes up in 2027,” she said.\n"
            "The province, a spokesperson said, would review the request within a month.\n"
        ),
        "quotes": [
            ("a regional fund to pay for the new bridge", "Elena Torres"),
            ("“We have waited twenty years for this crossing,”", "Elena Torres"),
            ("“Every winter the ferry stops and the east side is cut off from the hospital.”", "Elena Torres"),
            ("that the cost estimate was far too optimistic", "Frank Dunmore"),
            ("that taxes would rise", "Frank Dunmore"),
            ("the engineers", "Frank Dunmore"),
            ("the province for its silence", "Frank Dunmore"),
            ("about 14,000 vehicles would use the bridge every day", "the city's transport department"),
            ("the vote as \"a turning point for Riverton\"", "Elena Torres"),
            ("“The first phase starts in the spring. We will build the approach roads first.\n"
             "“Then the main span goes up in 2027,”", "Elena Torres"),
            ("would review the request within a month", "a spokesperson"),
        ],
    },
    {
        "doc_id": "gold-strike",
        "text": (
            "Nurses vote to strike as talks collapse\n"
            "Nurses at three hospitals voted to strike on Friday, the union said.\n"
            "Union president Maria Okonjo said members were exhausted. \"We cannot keep covering double "
            "shifts,\" she said. \"Something has to give.\"\n"
            "Health Minister Daniel Reyes stressed the need for calm and urged both sides to return to the "
            "table.\n"
            "The minister believes that a deal is still possible before the deadline.\n"
            "Hospital chief executive Karen Liu, speaking after the vote, acknowledged that staffing had "
            "been a problem for years.\n"
            "‘We hear the nurses,’ Liu said. ‘We are hiring as fast as we can.’\n"
            "The union has called for an independent review of staffing levels.\n"
        ),
        "quotes": [
            ("Nurses at three hospitals voted to strike on Friday", "the union"),
            ("members were exhausted", "Maria Okonjo"),
            ("\"We cannot keep covering double shifts,\"", "Maria Okonjo"),
            ("\"Something has to give.\"", "Maria Okonjo"),
            ("the need for calm", "Daniel Reyes"),
            ("both sides to return to the table", "Daniel Reyes"),
            ("that a deal is still possible before the deadline", "Daniel Reyes"),
            ("that staffing had been a problem for years", "Karen Liu"),
            ("‘We hear the nurses,’", "Karen Liu"),
            ("‘We are hiring as fast as we can.’", "Karen Liu"),
            ("an independent review of staffing levels", "The union"),
        ],
    },
    {
        "doc_id": "gold-flood",
        "text": (
            "Floods leave thousands homeless\n"
            "DHAKA - More than 12,000 families have lost their homes in two weeks, as confirmed by "
            "relief agencies.\n"
            "The prime minister, Nasreen Haque, pledged to rebuild every house before the monsoon returns.\n"
            "“No family will spend next year in a tent,” Haque said in a televised address.\n"
            "Opposition leader Tariq Alam dismissed the pledge. He said the government had ignored "
            "warnings for a decade.\n"
            "The company that built the embankments, Delta Works, said in a statement that its designs met "
            "every standard.\n"
            "The firm also denied that it had cut costs on materials.\n"
        ),
        "quotes": [
            ("More than 12,000 families have lost their homes in two weeks", "relief agencies"),
            ("to rebuild every house before the monsoon returns", "Nasreen Haque"),
            ("“No family will spend next year in a tent,”", "Nasreen Haque"),
            ("the pledge", "Tariq Alam"),
            ("the government had ignored warnings for a decade", "Tariq Alam"),
            ("that its designs met every standard", "Delta Works"),
            ("that it had cut costs on materials", "Delta Works"),
        ],
    },
]
