package org.conference.provisioning;

import org.conference.testsupport.architecture.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
