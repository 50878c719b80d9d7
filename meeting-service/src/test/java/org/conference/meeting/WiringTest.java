package org.conference.meeting;

import org.conference.testsupport.StatefulServiceWiringContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after its class, so it never shares meeting-service's consumer group with another class's instances
@DirtiesContext
class WiringTest extends StatefulServiceWiringContract {
}
