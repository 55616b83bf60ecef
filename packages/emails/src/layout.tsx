import type { ReactNode } from 'react';
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';

/** The brand, in one place: every mail shares this frame. */
export const BRAND = { name: 'ClipForge', ink: '#1a1a2e', accent: '#5b4cdb', paper: '#f6f6fb' } as const;

const styles = {
  body: { backgroundColor: BRAND.paper, color: BRAND.ink, fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', margin: 0, padding: '24px 0' },
  card: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', padding: '32px' },
  brand: { color: BRAND.ink, fontSize: '20px', fontWeight: 700, margin: '0 0 24px' },
  heading: { fontSize: '22px', margin: '0 0 16px' },
  text: { fontSize: '15px', lineHeight: '24px', margin: '0 0 16px' },
  button: { backgroundColor: BRAND.accent, borderRadius: '6px', color: '#ffffff', fontSize: '15px', fontWeight: 600, padding: '12px 20px', textDecoration: 'none' },
  footer: { color: '#6b6b80', fontSize: '12px', lineHeight: '18px', margin: '0' },
} as const;

interface LayoutProps {
  /** The line inboxes show next to the subject. */
  preview: string;
  title: string;
  appUrl: string;
  /** Lifecycle mails: the signed link; transactional mails have none. */
  unsubscribeUrl: string | null;
  children: ReactNode;
}

export function Layout({ preview, title, appUrl, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.card}>
          <Text style={styles.brand}>{BRAND.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {title}
          </Heading>
          {children}
          <Hr />
          <Text style={styles.footer}>
            You get this mail because you have a {BRAND.name} account at <Link href={appUrl}>{appUrl.replace(/^https?:\/\//, '')}</Link>.
            {unsubscribeUrl ? (
              <>
                {' '}
                <Link href={unsubscribeUrl}>Unsubscribe from mails like this one</Link> or choose which mails you get in{' '}
                <Link href={`${appUrl}/settings/emails`}>your email settings</Link>.
              </>
            ) : (
              ' This is a service message about your account; it is sent whatever your email settings.'
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}
