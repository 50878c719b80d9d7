package org.conference.testsupport.softphone;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The files baresip reads from its configuration directory ({@code -f DIR}): {@code config} and {@code accounts},
 * for one headless user agent on loopback. Measured on Debian's baresip 1.0.0 (STACK-NOTES.md): no {@code stdio}
 * module (without a terminal it fails on fd 0); {@code ausine} as the microphone (it accepts only 48 kHz stereo;
 * baresip resamples to the codec); {@code net_interface} on loopback (otherwise its SDP offers the default route's
 * address for RTP although SIP listens on loopback); {@code aubridge} as the speaker (it plays into nothing);
 * {@code sndfile} dumping what the call sends and hears into {@code dumpDir}; {@code menu} for the commands and
 * {@code ctrl_tcp} to drive it.
 *
 * @param options     the softphone's behaviour
 * @param sipPort     its SIP port over UDP and TCP; TLS takes the next one
 * @param controlPort the ctrl_tcp port
 * @param dumpDir     where sndfile writes {@code dump-<time>-enc.wav} and {@code dump-<time>-dec.wav}
 * @param moduleDir   baresip's module directory
 */
record BaresipConfig(SoftphoneOptions options, int sipPort, int controlPort, Path dumpDir, Path moduleDir) {

    String config() {
        String modules = BaresipInstallation.MODULES.stream()
                .map(module -> switch (module) {
                    case "account" -> "module_tmp\taccount.so";
                    case "menu", "ctrl_tcp" -> "module_app\t" + module + ".so";
                    default -> "module\t\t" + module + ".so";
                })
                .collect(Collectors.joining("\n"));
        return """
                poll_method\tepoll
                net_interface\t127.0.0.1
                sip_listen\t127.0.0.1:%d
                call_local_timeout\t30
                call_max_calls\t4
                audio_source\tausine,%d
                ausrc_srate\t48000
                ausrc_channels\t2
                audio_player\taubridge,%s
                audio_alert\taubridge,%s
                ausrc_format\ts16
                auplay_format\ts16
                auenc_format\ts16
                audec_format\ts16
                audio_level\tno
                rtcp_mux\tno
                jitter_buffer_delay\t5-10
                rtp_stats\tno
                module_path\t%s
                %s
                ctrl_tcp_listen\t127.0.0.1:%d
                snd_path\t%s
                statmode_default\toff
                ringback_disabled\tyes
                menu_bell\tno
                """.formatted(sipPort, options.toneHz(), options.user(), options.user(), moduleDir, modules,
                controlPort, dumpDir);
    }

    /** One account, never registering (dialled directly by address), answering by itself when told to. */
    String accounts() {
        return "<sip:%s@127.0.0.1:%d>;regint=0;answermode=%s;audio_codecs=%s%n".formatted(options.user(), sipPort,
                options.autoAnswer() ? "auto" : "manual", options.codec().name());
    }
}
