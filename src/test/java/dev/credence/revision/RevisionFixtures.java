package dev.credence.revision;

/** A real-size invented article (over 5 kB) and a correction of it, for the page and browser tests. */
final class RevisionFixtures {
    private RevisionFixtures() {
    }

    static final String BOILERPLATE = "STORY CONTINUES BELOW THIS AD";
    static final String CLAIM_KEPT = "the coast guard logged 37 unannounced crossings in April";
    static final String CLAIM_FUZZY = "Dunmoor's harbour master said the sensors had been switched off for nine days";
    static final String CLAIM_ORPHAN = "Subscribers can download the app for alerts on every port closure";

    static final String ARTICLE = """
            Velmora Port Watch — Sea lanes 🐉 (航道) edition
            By a staff correspondent

            Officials in the coastal province of Velmora said on Thursday that %s, more than double the figure for the same month a year earlier. The agency did not say which flags the vessels flew, but two officials speaking on condition of anonymity told the Port Watch that most of them were survey ships.
            The figures, first reported by the weekly Tidewater Ledger, come as the province prepares for a round of talks with its neighbours about fishing rights and seabed cables. Those talks, scheduled for late June, have already been postponed twice.
            %s
            Researchers at the Kestrel Maritime Institute, a think tank funded in part by shipping insurers, told reporters that the survey ships appeared to be mapping the seabed along the route of the Northern Link cable. "The pattern is consistent with preparation rather than routine science," one of the researchers said, citing satellite tracks shared with the institute by a commercial provider.
            The ministry of transport rejected that reading. In a short statement, it said the vessels were "conducting lawful hydrographic work" and accused foreign media of "inventing a crisis where there is none". The statement did not address the crossings themselves.
            %s.
            In the fishing town of Dunmoor, where the cable comes ashore, residents described weeks of unusual activity. %s, a claim the operator of the station later disputed. A spokesperson for the operator said the equipment had been under maintenance and that no data had been lost.
            Analysts believe the incidents will weigh on the June talks. "Nobody wants to sign a fisheries deal while the cable question is open," said a former diplomat who now advises the regional chamber of commerce. She added that insurers had already raised premiums for vessels calling at Dunmoor.
            According to the Tidewater Ledger, the province has asked the national government for two additional patrol boats. The request has not been answered, the newspaper reported, citing a letter it had seen.
            Related: Cable repair ships in short supply · Fishermen protest new quotas · Why seabed maps matter
            A local councillor, speaking at a public meeting on Friday, urged calm. "We have seen survey ships before, and we will see them again," he said. "What we need is information, not rumours." His remarks drew applause but also some heckling from fishermen who said their nets had been damaged.
            The coast guard said it would publish monthly figures from now on. Its first report is expected in the second week of June, shortly before the talks open. Until then, the agency said, it would not comment on individual vessels.
            Officials in neighbouring provinces declined to say whether they had seen similar activity. One of them, reached by telephone, said only that the matter was "being followed closely at the appropriate level".
            The Port Watch asked the Kestrel Maritime Institute to share the satellite tracks it cited. The institute said it could not do so under the terms of its agreement with the provider, but offered to brief journalists on its method.
            Meanwhile, the shipping insurers who fund part of the institute's work have begun asking their clients to report any survey vessel seen near the cable route. A circular seen by the Port Watch describes the request as "a precaution, not an alarm".
            Fishermen in Dunmoor say the survey ships have changed how they work. Several crews now leave port before dawn to avoid the vessels, and two boats have moved to a harbour further south. "We lose half a day each way," said the captain of one of them, who asked that his boat not be named.
            The regional chamber of commerce plans to publish its own estimate of the cost to local businesses next month. Its president said the figure would include higher insurance premiums, lost fishing days and the delayed opening of a new ferry line that was meant to start in May.
            A spokesperson for the national navy said it had "no information to share at this stage" and referred questions to the ministry of transport, which did not respond to a follow-up request for comment by the time of publication.
            Historians of the region point out that disputes over the sea lanes are not new. In the 1970s, a quarrel over lighthouse dues kept ferries in port for most of a summer, and the agreement that ended it is still cited by negotiators on both sides. What is new, they say, is the value of what lies on the seabed: cables that carry most of the province's internet traffic and much of its banking.
            Engineers who maintain the Northern Link say a single break could take weeks to repair, because the nearest repair ship is based more than a thousand kilometres away. The operator has asked for a second ship to be stationed closer, a request that has been under review since last autumn.
            For now, the coast guard's monthly figures are likely to be read closely in every capital around the gulf. A researcher at the Kestrel Maritime Institute said the institute would compare them with its own satellite data and publish any differences it found.
            Share this article · Print · Comments (12)
            """.formatted(CLAIM_KEPT, BOILERPLATE, CLAIM_ORPHAN, CLAIM_FUZZY);

    /** The boilerplate and the app plug cut, a typo-like correction in one claim, a line added at the top. */
    static final String CORRECTED = ("Updated on Friday with the operator's response.\n" + ARTICLE)
            .replace(BOILERPLATE + "\n", "")
            .replace(CLAIM_ORPHAN + ".\n", "")
            .replace("switched off for nine days", "switched off for eight days")
            .replace("Share this article · Print · Comments (12)\n", "");
}
