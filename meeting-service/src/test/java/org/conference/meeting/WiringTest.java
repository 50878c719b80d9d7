package org.conference.meeting;

import org.conference.testsupport.StatefulServiceWiringContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WiringTest extends StatefulServiceWiringContract {
}
